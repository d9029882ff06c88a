package pindrop.simulator;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS for the simulator: TLS 1.2 and 1.3 only, like the real Webex, so a client that would settle for
 * less fails here rather than in the field.
 */
final class TlsConfigurator extends HttpsConfigurator {

    private static final Set<String> PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    TlsConfigurator(SSLContext context) {
        super(context);
    }

    @Override
    public void configure(HttpsParameters params) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        // from the supported list, not a fixed one: a context made for TLSv1.2 alone would reject TLSv1.3
        ssl.setProtocols(Arrays.stream(getSSLContext().getSupportedSSLParameters().getProtocols())
                .filter(PROTOCOLS::contains).toArray(String[]::new));
        params.setSSLParameters(ssl);
    }

    /** A server context presenting the key in a PKCS12 or JKS key store whose key password is the store's. */
    static SSLContext serverContext(Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStore.getInstance(keyStore.toFile(), password), password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
