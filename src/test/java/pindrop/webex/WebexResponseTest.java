package pindrop.webex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webex's answers are parsed by pindrop, so a hostile one must never make it read a file or expand entities. */
class WebexResponseTest {

    static final String MESSAGE = "<serv:message xmlns:serv=\"" + WebexResponse.SERVICE_NS + "\"><serv:header>"
            + "<serv:response><serv:result>FAILURE</serv:result><serv:reason>%s</serv:reason>"
            + "<serv:exceptionID>030001</serv:exceptionID></serv:response></serv:header></serv:message>";

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE serv:message [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE serv:message SYSTEM \"file:///etc/passwd\">",
            "<!DOCTYPE serv:message [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY e \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"})
    void anAnswerWithADoctypeIsRefusedBeforeAnyEntityIsRead(String doctype) {
        String xml = "<?xml version=\"1.0\"?>" + doctype + String.format(MESSAGE, "&e;");

        MalformedResponseException refused = assertThrows(MalformedResponseException.class, () -> parse(xml));

        assertEquals("the answer carries a DOCTYPE, which pindrop refuses", refused.getMessage());
        assertFalse(refused.getMessage().contains("root:"));
    }

    @Test
    void aPlainAnswerIsRead() throws Exception {
        WebexResponse response = parse(String.format(MESSAGE, "Corresponding User not found"));

        assertEquals("030001", response.exceptionId());
        assertEquals("Corresponding User not found", response.reason());
    }

    @Test
    void theReaderReusedAfterARefusedAndACutOffAnswerReadsTheNextAfresh() throws Exception {
        String doctype = "<!DOCTYPE serv:message SYSTEM \"file:///etc/passwd\">" + String.format(MESSAGE, "x");
        assertThrows(MalformedResponseException.class, () -> parse(doctype));
        assertThrows(MalformedResponseException.class, () -> parse(String.format(MESSAGE, "x").substring(0, 90)));
        assertThrows(MalformedResponseException.class, () -> parse(doctype));

        assertEquals("Corresponding User not found", parse(String.format(MESSAGE, "Corresponding User not found")).reason());
    }

    private static WebexResponse parse(String xml) throws MalformedResponseException {
        return WebexResponse.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
