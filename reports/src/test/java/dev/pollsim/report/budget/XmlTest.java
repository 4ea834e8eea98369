package dev.pollsim.report.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTest {

    @Test
    void shouldEscapeTheFiveSpecialCharacters() {
        assertThat(Xml.escape("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
        assertThat(Xml.escape("]]>")).isEqualTo("]]&gt;");
    }

    @Test
    void shouldReplaceWhatXmlCannotHoldAndKeepTheRest() {
        assertThat(Xml.escape("a\u0000b\u001Fc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Xml.escape("lone \uD800 surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(Xml.escape("emoji \uD83D\uDE80 · é")).isEqualTo("emoji \uD83D\uDE80 · é");
        assertThat(Xml.escape("tab\tline\n")).isEqualTo("tab\tline\n");
    }

    @Test
    void attributesShouldKeepLineBreaksAsReferences() {
        assertThat(Xml.attribute("a\nb\tc\r")).isEqualTo("a&#10;b&#9;c&#13;");
    }
}
