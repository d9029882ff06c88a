package pindrop.webex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * TLS of every HTTPS call to Webex: TLS 1.2 or newer, the certificate checked against the JDK's trusted CAs or,
 * for a site reached through a TLS-inspecting proxy, against {@code webex.truststore} instead. camel-http checks
 * the host name (its strict default verifier). There is deliberately no way to trust every certificate.
 */
public final class WebexTls {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private WebexTls() {
    }

    /** Configures the {@code https} component; a truststore that cannot be used stops pindrop at start. */
    public static void apply(CamelContext context) {
        SSLContextParameters tls = parameters(context.getPropertiesComponent()::resolveProperty);
        try {
            tls.createSSLContext(context);
        } catch (Exception e) {
            // the keystore's messages name the file and the problem, never the password
            throw new IllegalArgumentException("webex.truststore cannot be used (" + e.getMessage()
                    + "): check WEBEX_TRUSTSTORE and WEBEX_TRUSTSTORE_PASSWORD", e);
        }
        context.getComponent("https", HttpComponent.class).setSslContextParameters(tls);
    }

    static SSLContextParameters parameters(Function<String, Optional<String>> properties) {
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(PROTOCOLS);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setSecureSocketProtocols(protocols);
        Optional<String> store = setting(properties, "webex.truststore");
        if (store.isPresent()) {
            if (!Files.isReadable(Path.of(store.get()))) {
                throw new IllegalArgumentException("webex.truststore " + store.get() + " does not exist or cannot be"
                        + " read: check WEBEX_TRUSTSTORE");
            }
            KeyStoreParameters trusted = new KeyStoreParameters();
            trusted.setResource("file:" + store.get());
            trusted.setType("PKCS12");
            setting(properties, "webex.truststore-password").ifPresent(trusted::setPassword);
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(trusted);
            tls.setTrustManagers(trust);
        }
        return tls;
    }

    private static Optional<String> setting(Function<String, Optional<String>> properties, String key) {
        return properties.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }
}
