package pindrop.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for HTTPS tests, made at test time so none is checked in or expires: a self-signed
 * certificate for {@code localhost} (SAN DNS:localhost only, no IP, so {@code https://127.0.0.1} must fail
 * host name verification), a truststore holding it, and an unrelated self-signed {@code localhost}
 * certificate that nothing trusts. Made once per JVM, as each keytool run takes about a second. Public for
 * pindrop's own TLS tests.
 */
public final class TestCertificates {

    /** A PKCS12 file; its key, if any, has the same password. */
    public record Store(Path file, String password) {
    }

    private static final String PASSWORD = "pindrop-test";
    private static final String ALIAS = "localhost";
    private static TestCertificates instance;

    private final Store serverKeyStore;
    private final Store untrustedKeyStore;
    private final Store trustStore;

    private TestCertificates(Path folder) throws IOException, GeneralSecurityException {
        serverKeyStore = new Store(folder.resolve("server.p12"), PASSWORD);
        untrustedKeyStore = new Store(folder.resolve("untrusted.p12"), PASSWORD);
        trustStore = new Store(folder.resolve("truststore.p12"), PASSWORD);
        // distinct subjects, or PKIX would take the trusted certificate as the issuer of the untrusted one
        CompletableFuture.allOf(generate(serverKeyStore, "CN=localhost, O=pindrop tests"),
                generate(untrustedKeyStore, "CN=localhost, O=pindrop untrusted")).join();
        writeTrustStore();
    }

    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path folder = Files.createTempDirectory("pindrop-tls");
                folder.toFile().deleteOnExit(); // registered first, so deleted after the files in it
                instance = new TestCertificates(folder);
                List.of(instance.serverKeyStore, instance.untrustedKeyStore, instance.trustStore)
                        .forEach(store -> store.file().toFile().deleteOnExit());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The trusted {@code localhost} key and certificate, for the server. */
    public Store serverKeyStore() {
        return serverKeyStore;
    }

    /** A {@code localhost} key and certificate that {@link #trustStore()} does not trust. */
    public Store untrustedKeyStore() {
        return untrustedKeyStore;
    }

    /** The certificate of {@link #serverKeyStore()}, as a trusted entry. */
    public Store trustStore() {
        return trustStore;
    }

    public SSLContext serverContext() {
        return serverContext(serverKeyStore);
    }

    public SSLContext untrustedServerContext() {
        return serverContext(untrustedKeyStore);
    }

    /** A client context that trusts {@link #trustStore()} and nothing else. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext serverContext(Store store) {
        try {
            return TlsConfigurator.serverContext(store.file(), store.password().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK has no public API to make a certificate, so keytool makes each key pair. */
    private static CompletableFuture<Void> generate(Store store, String subject) {
        ProcessBuilder keytool = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", subject, "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.file().toString(), "-storepass:env", "STORE_PASSWORD")
                .redirectErrorStream(true);
        keytool.environment().put("STORE_PASSWORD", store.password()); // kept off the command line
        try {
            Process process = keytool.start();
            return process.onExit().thenAccept(done -> {
                if (done.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output(done));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String output(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The KeyStore API can copy a certificate, so no keytool export and import is needed for this. */
    private void writeTrustStore() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, load(serverKeyStore).getCertificate(ALIAS));
        try (OutputStream out = Files.newOutputStream(trustStore.file())) {
            trusted.store(out, trustStore.password().toCharArray());
        }
    }

    private static KeyStore load(Store store) throws IOException, GeneralSecurityException {
        return KeyStore.getInstance(store.file().toFile(), store.password().toCharArray());
    }
}
