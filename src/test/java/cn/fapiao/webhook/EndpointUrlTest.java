package cn.fapiao.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EndpointUrlTest {

    @ParameterizedTest(name = "{0} (http allowed: {1}) -> {2}")
    @CsvSource({
            "https://partner.example.com/hooks/fapiao, false, ",
            "HTTPS://Partner.Example.com:8443/h?x=1, false, ",
            "http://partner.example.com/, false, HTTPS_REQUIRED",
            "http://partner.example.com/, true, ",
            "https://user@partner.example.com/, false, USERINFO_NOT_ALLOWED",
            "https://user:pw@partner.example.com/, false, USERINFO_NOT_ALLOWED",
            "https://partner.example.com/#x, false, INVALID_FORMAT",
            "https:///nohost, false, INVALID_FORMAT",
            "mailto:a@b.c, false, HTTPS_REQUIRED",
            "javascript:alert(1), false, HTTPS_REQUIRED",
            "'', false, REQUIRED"})
    void parses(String text, boolean allowHttp, String problem) {
        EndpointUrl.Result result = EndpointUrl.parse(text, allowHttp, "url");
        assertEquals(problem, result.problem() == null ? null : result.problem().code(), () -> String.valueOf(result.problem()));
    }

    @Test
    void knowsWhereToConnectAndWhatToAskFor() {
        EndpointUrl url = EndpointUrl.parse("https://Partner.Example.com/a/b?c=d", false, "url").url();
        assertEquals("partner.example.com", url.host());
        assertEquals(443, url.port());
        assertEquals("/a/b?c=d", url.requestUri());
        EndpointUrl v6 = EndpointUrl.parse("http://[::1]:8080", true, "url").url();
        assertEquals("::1", v6.host());
        assertEquals(8080, v6.port());
        assertEquals("/", v6.requestUri());
        assertNull(EndpointUrl.parse("https://x.example/" + "a".repeat(2000), false, "url").url());
    }
}
