package pindrop.webex;

import java.security.cert.CertPathBuilderException;
import java.util.Optional;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Names a failed TLS connection in words an operator acts on. It is a configuration problem (a truststore,
 * webex.url, a proxy), not a Webex outage, so the reason says what to fix wherever it lands.
 */
final class TlsProblem {

    private TlsProblem() {
    }

    /** What went wrong, when a TLS failure is among the causes of {@code failure}. */
    static Optional<String> describe(Throwable failure) {
        SSLException ssl = null;
        boolean untrusted = false;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (ssl == null && cause instanceof SSLException found) {
                ssl = found;
            }
            untrusted |= cause instanceof CertPathBuilderException;
        }
        if (ssl == null) {
            return Optional.empty();
        }
        if (untrusted) {
            return Optional.of("TLS: the server's certificate is not trusted (" + ssl.getMessage() + "); behind a"
                    + " TLS-inspecting proxy, set WEBEX_TRUSTSTORE to a truststore holding the proxy's CA");
        }
        if (ssl instanceof SSLPeerUnverifiedException) {
            return Optional.of("TLS: the server's certificate does not match the host name of webex.url ("
                    + ssl.getMessage() + ")");
        }
        return Optional.of("TLS: no secure connection to the server (" + ssl.getMessage() + ")");
    }
}
