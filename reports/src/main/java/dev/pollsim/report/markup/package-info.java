/** Escaping shared by the XML and HTML writers, so both accept any label a user can type. */
package dev.pollsim.report.markup;
