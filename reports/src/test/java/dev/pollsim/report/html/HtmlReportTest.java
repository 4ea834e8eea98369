package dev.pollsim.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void shouldEscapeEverythingHtmlWouldRead() {
        assertThat(HtmlReport.escape("<b>\"fast\" & 'cheap'</b>"))
                .isEqualTo("&lt;b&gt;&quot;fast&quot; &amp; &#39;cheap&#39;&lt;/b&gt;");
    }
}
