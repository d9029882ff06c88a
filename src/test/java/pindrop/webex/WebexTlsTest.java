package pindrop.webex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLSocket;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The TLS settings of calls to Webex, apart from a server: the end-to-end cases are in pindrop.HttpsSiteTest. */
class WebexTlsTest {

    @Test
    void connectionsOfferTls12AndNewerOnlyEvenWithTheJdksOwnTrust() throws Exception {
        try (SSLSocket socket = (SSLSocket) WebexTls.parameters(key -> Optional.empty())
                .createSSLContext(new DefaultCamelContext()).getSocketFactory().createSocket()) {
            assertEquals(Set.of("TLSv1.3", "TLSv1.2"), Set.of(socket.getEnabledProtocols()));
        }
    }

    @Test
    void aTruststoreThatIsNotThereStopsPindropWithTheSettingToFix() {
        Map<String, String> settings = Map.of("webex.truststore", "/nonexistent/proxy-ca.p12");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WebexTls.parameters(key -> Optional.ofNullable(settings.get(key))));

        assertTrue(refused.getMessage().contains("/nonexistent/proxy-ca.p12") && refused.getMessage()
                .contains("WEBEX_TRUSTSTORE"), refused::getMessage);
    }
}
