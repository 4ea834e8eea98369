/** Running a scenario through its policies and gathering the report. */
package dev.pollsim.sim.run;
