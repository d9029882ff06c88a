package pindrop.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.CertPathBuilderException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over HTTPS: who gets through the handshake, and who must not. */
class SimulatorTlsTest {

    private static final String ADMIN = "admin1@acme.com";
    private static final String ALICE = "alice@acme.com";
    private static final TestCertificates CERTIFICATES = TestCertificates.get();

    private WebexSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private WebexSimulator start(SSLContext serverContext) {
        sim = WebexSimulator.builder().site("acme").admin(ADMIN, "pw1").user(ALICE).tls(serverContext).build()
                .start();
        return sim;
    }

    @Test
    void aClientTrustingTheCertificateSetsAndReadsAPin() throws Exception {
        URI endpoint = start(CERTIFICATES.serverContext()).endpoint();
        assertEquals(URI.create("https://localhost:" + endpoint.getPort() + "/WBXService/XMLService"), endpoint);
        SimulatorClient client = new SimulatorClient(endpoint, CERTIFICATES.clientContext());

        assertEquals("SUCCESS", client.post(Envelope.as(ADMIN, "pw1").setUser(ALICE).hostPin("4821").xml()).result());
        assertEquals("4821", client.post(Envelope.as(ADMIN, "pw1").getUser(ALICE).xml()).use("hostPIN"));
        assertEquals("4821", sim.hostPin(ALICE));
    }

    @Test
    void theJdkDefaultTrustStoreDoesNotTrustTheTestCertificate() throws Exception {
        SimulatorClient client = new SimulatorClient(start(CERTIFICATES.serverContext()).endpoint(),
                SSLContext.getDefault());

        assertUntrusted(assertThrows(SSLHandshakeException.class, () -> client.post(getAlice())));
    }

    @Test
    void aCertificateOutsideTheTrustStoreIsRefused() {
        SimulatorClient client = new SimulatorClient(start(CERTIFICATES.untrustedServerContext()).endpoint(),
                CERTIFICATES.clientContext());

        assertUntrusted(assertThrows(SSLHandshakeException.class, () -> client.post(getAlice())));
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefused() {
        URI byAddress = start(CERTIFICATES.serverContext()).endpoint("127.0.0.1");
        SimulatorClient client = new SimulatorClient(byAddress, CERTIFICATES.clientContext());

        SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> client.post(getAlice()));
        assertTrue(rootCause(refused).getMessage().contains("127.0.0.1"), refused::toString);
        assertEquals(0, sim.calls().size());
    }

    @Test
    void tls12IsTheLeastAccepted() throws Exception {
        int port = start(CERTIFICATES.serverContext()).endpoint().getPort();
        try (SSLSocket socket = (SSLSocket) CERTIFICATES.clientContext().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.startHandshake();
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
        }
    }

    /**
     * This JDK will not offer TLS 1.1 from a client, so the ClientHello is written by hand. The same hello, with
     * a suite TLS 1.1 can use, gets a TLS 1.1 ServerHello from a server that allows it.
     */
    @Test
    void tls11GetsNoServerHello() throws Exception {
        int port = start(CERTIFICATES.serverContext()).endpoint().getPort();

        byte[] tls12 = answer(port, clientHello(3));
        assertEquals(List.of((byte) 22, (byte) 2), List.of(tls12[0], tls12[5]), "a handshake record, ServerHello");
        // the JDK server drops the connection on a failed handshake without sending the protocol_version alert
        assertEquals(0, answer(port, clientHello(2)).length);
    }

    /** ClientHello for TLS 1.{minor - 1}: ECDHE-ECDSA with AES-128-GCM (1.2 only) or AES-128-CBC-SHA, P-256. */
    private static byte[] clientHello(int minor) {
        byte[] head = {
                0x16, 3, 1, 0, 65, // handshake record, 65 bytes
                1, 0, 0, 61, 3, (byte) minor}; // ClientHello, 61 bytes, client_version
        byte[] afterRandom = {
                0, // no session id
                0, 4, (byte) 0xc0, 0x2b, (byte) 0xc0, 0x09, // cipher suites
                1, 0, // compression: null
                0, 16, // extensions, 16 bytes
                0, 0x0a, 0, 4, 0, 2, 0, 0x17, // supported_groups: secp256r1
                0, 0x0d, 0, 4, 0, 2, 4, 3}; // signature_algorithms: ecdsa_secp256r1_sha256
        return ByteBuffer.allocate(head.length + 32 + afterRandom.length)
                .put(head).put(new byte[32]).put(afterRandom).array();
    }

    /** The first bytes the server sends back, none if it closes the connection. */
    private static byte[] answer(int port, byte[] hello) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(hello);
            return socket.getInputStream().readNBytes(6);
        }
    }

    /** The server's own limit, which holds even where java.security still allows TLS 1.1. */
    @Test
    void theServerEnablesOnlyTls12AndTls13() throws Exception {
        AtomicReference<SSLParameters> applied = new AtomicReference<>();
        new TlsConfigurator(CERTIFICATES.serverContext()).configure(new HttpsParameters() {
            @Override
            public HttpsConfigurator getHttpsConfigurator() {
                return null;
            }

            @Override
            public InetSocketAddress getClientAddress() {
                return null;
            }

            @Override
            public void setSSLParameters(SSLParameters params) {
                applied.set(params);
            }
        });

        assertEquals(Set.of("TLSv1.3", "TLSv1.2"), Set.of(applied.get().getProtocols()));
    }

    @Test
    void theCommandLineServesHttpsFromAKeyStore() throws Exception {
        TestCertificates.Store keyStore = CERTIFICATES.serverKeyStore();
        sim = WebexSimulator.fromArgs("--admin", ADMIN + ":pw1", "--user", ALICE,
                "--tls-keystore", keyStore.file().toString(), "--tls-password", keyStore.password()).build().start();

        SimulatorClient client = new SimulatorClient(sim.endpoint(), CERTIFICATES.clientContext());
        assertEquals("SUCCESS", client.post(getAlice()).result());
        assertThrows(IllegalArgumentException.class, () -> WebexSimulator.fromArgs(
                "--tls-keystore", keyStore.file().toString(), "--tls-password", "wrong"));
    }

    private static String getAlice() {
        return Envelope.as(ADMIN, "pw1").getUser(ALICE).xml();
    }

    /** Refused for want of a trust path, not for the host name. */
    private static void assertUntrusted(SSLHandshakeException refused) {
        assertInstanceOf(CertPathBuilderException.class, rootCause(refused), refused::toString);
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
