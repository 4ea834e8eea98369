package dev.pollsim.report.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void shouldEscapeTheFiveSpecialCharacters() {
        assertThat(Markup.escape("a<b>&\"c\"'d'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
        assertThat(Markup.escape("]]>")).isEqualTo("]]&gt;");
    }

    @Test
    void shouldReplaceWhatXmlCannotHoldAndKeepTheRest() {
        assertThat(Markup.escape("a\u0000b\u001Fc\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Markup.escape("lone \uD800 surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(Markup.escape("emoji \uD83D\uDE80 · é")).isEqualTo("emoji \uD83D\uDE80 · é");
        assertThat(Markup.escape("tab\tline\n")).isEqualTo("tab\tline\n");
    }

    @Test
    void attributesShouldKeepLineBreaksAsReferences() {
        assertThat(Markup.attribute("a\nb\tc\r")).isEqualTo("a&#10;b&#9;c&#13;");
    }
}
