package pindrop.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A Webex XML API endpoint ({@code POST /WBXService/XMLService}) on 127.0.0.1 that answers {@code SetUser}
 * and {@code GetUser} as the real service does (see shared/webex-xml-api.md), with the faults a bulk job
 * meets in the field switched on at will. pindrop's demo mode runs on it, and pindrop's tests use it as
 * their Webex.
 *
 * <pre>{@code
 * try (WebexSimulator sim = WebexSimulator.builder().site("acme")
 *         .admin("admin1@acme.com", "pw1").user("alice@acme.com").build().start()) {
 *     // POST a SetUser for alice to sim.endpoint(), then:
 *     String pin = sim.hostPin("alice@acme.com");
 * }
 * }</pre>
 *
 * <h2>Site and users</h2>
 * <ul>
 * <li>{@link Builder#site}: the only siteName served (compared without regard to case). Required.</li>
 * <li>{@link Builder#admin}, {@link Builder#tokenAdmin}, {@link Builder#account}: accounts that may call,
 *     with a password or a {@code webExAccessToken}, site admin or not. Accounts are site users too.</li>
 * <li>{@link Builder#user}, {@link Builder#users}: target users that exist (no credentials).</li>
 * <li>{@link Builder#anyUser}: every plausible id (1 to 128 characters, no white space) exists as a user,
 *     for benchmarks over generated users; only users whose settings changed take memory.</li>
 * </ul>
 * User ids are compared without regard to case; webExID and email are the same string for a user.
 *
 * <h2>Fault switches</h2>
 * <ul>
 * <li>{@link Builder#latency}: added to every response (the handler thread sleeps; 128 threads serve).</li>
 * <li>{@link Builder#setUserQuota}: per caller account, the calls after its first N SetUser calls answer
 *     030002 {@code Incorrect user or password} for as long as the simulator runs, while its GetUser still
 *     works: the lock reported from the field.</li>
 * <li>{@link Builder#perMinuteLimit}: per caller, at most N calls (any operation) in each fixed minute (windows
 *     start at whole minutes since the epoch, as Webex counts "per minute"); beyond it 000045
 *     {@code API Rate Limit Reached}. A refused call is not counted, so the caller gets through again when the
 *     next minute starts.</li>
 * <li>{@link Builder#sitePerMinuteLimit}: the same for all callers together, a site's own cap.</li>
 * <li>{@link Builder#rateLimitWindow}: the length of those windows, one minute unless a test shortens it.</li>
 * <li>{@link Builder#latencyJitter}: each answer's latency is drawn evenly from latency ± this (never below 0).</li>
 * <li>{@link Builder#backendFaultRate}: that fraction of calls answers 000035 {@code ASService not responding}.</li>
 * <li>{@link Builder#http503Rate}: that fraction answers HTTP 503 with no body.</li>
 * <li>{@link Builder#resetRate}: that fraction has its connection closed without any response.</li>
 * <li>{@link Builder#seed}: seeds the three random faults (one draw per call), so a run can be repeated.</li>
 * <li>{@link Builder#clock}: the clock of the rolling minute and of {@link Call#arrival()}.</li>
 * <li>{@link Builder#firstCallsAnswer503}: the first N calls of any kind answer HTTP 503 (before the random
 *     faults).</li>
 * <li>{@link Builder#siteFailsAfter}: after N SetUser calls reached the operation, every SetUser answers the
 *     given exceptionID and reason, whoever the user, until {@link #recover()}; GetUser still works.</li>
 * </ul>
 *
 * <h2>Signing in</h2>
 * <ul>
 * <li>{@link Builder#ticketLifetime}, {@link Builder#refuseTickets}: AuthenticateUser's session tickets.</li>
 * <li>{@link Builder#oauth}, {@link Builder#oauthAdmin}: an OAuth integration and the admins who authorised it;
 *     its token endpoint ({@link #tokenUrl()}) and authorization endpoint ({@link #authorizeUrl()}) run on a port
 *     of their own. {@link Builder#accessTokenLifetime}, {@link Builder#refreshTokenLifetime},
 *     {@link Builder#rotateRefreshTokens}, {@link Builder#authorizesAs} shape them.</li>
 * <li>{@link Builder#hostPinLength}: the site's host PIN length.</li>
 * <li>What it saw per account: {@link #signIns}, {@link #callsCarrying}, {@link #tokenRefreshes},
 *     {@link #expiredAccessTokensSeen}.</li>
 * </ul>
 *
 * <h2>HTTPS</h2>
 * {@link Builder#tls} serves HTTPS, TLS 1.2 and 1.3 only, still on 127.0.0.1 alone. {@link #endpoint()} then
 * names the host {@code localhost}, the name a test certificate covers; {@link #endpoint(String)} gives the
 * same port under another name, such as {@code 127.0.0.1}, to see a client reject a certificate that does not
 * name the host it called.
 *
 * <h2>Order of checks for each call</h2>
 * <ol>
 * <li>Malformed request: 000000 {@code Fail to forward request:null}. That is: not namespace-well-formed
 *     XML (for example {@code xmlns:xsi} missing), any DOCTYPE (no entity is expanded, no external file or URL
 *     read), a root other than {@code serv:message}, a missing or namespaced inner element, a securityContext
 *     without siteName, webExID/email or password/webExAccessToken/sessionTicket, a joinBeforeHost that is
 *     not a boolean, or an operation other than SetUser, GetUser and AuthenticateUser.</li>
 * <li>Random faults: reset, HTTP 503, 000035.</li>
 * <li>A siteName other than the site's: 000000, because the server has no site to forward the request to
 *     (not 030002: the credentials were never checked, and a client must not set an account aside for a
 *     configuration error).</li>
 * <li>A sessionTicket that is expired, revoked ({@link #revokeTickets}), unknown or another caller's: 030047
 *     {@code Not a valid session ticket}.</li>
 * <li>Unknown caller or wrong secret (also a password where a token is expected, or the reverse; an access token
 *     of the integration that ran out): 030002.</li>
 * <li>Per-minute limit: 000045.</li>
 * <li>AuthenticateUser (a password in the securityContext, or an access token in the body's
 *     {@code accessToken}): a session ticket that lives {@link Builder#ticketLifetime}, or 030104 with
 *     {@link Builder#refuseTickets}.</li>
 * <li>SetUser quota: 030002.</li>
 * <li>Privilege: a caller that is not site admin gets 000001
 *     {@code Access denied, additional privileges are required} for any SetUser and for GetUser on another
 *     user; GetUser on its own id always works (that is how a client checks {@code siteAdmin}).</li>
 * <li>The operation. A target user that does not exist answers 030001 {@code Corresponding User not found},
 *     for GetUser too (000015 {@code Sorry, no record found} is the list operations' answer). Then a SetUser
 *     whose hostPIN or phones/PIN is weak answers 999999 and changes nothing; weak means not exactly 4 ASCII
 *     digits (a hostPIN: the site's host PIN length), all digits the same, or a run up or down by one (1234, 9876; 7890 passes). Otherwise SetUser
 *     changes only the settings it names.</li>
 * </ol>
 * Every call is recorded in {@link #calls()}, faulted ones included. XML answers are HTTP 200 with
 * {@code Content-Type: text/xml;charset=UTF-8}, SUCCESS and FAILURE alike. Another path answers 404, another
 * method 405. The simulator logs nothing, so no password, token or PIN can reach a log; state lives in memory.
 */
public final class WebexSimulator implements AutoCloseable {

    /** Handler threads: each sleeps through the latency, so 32 callers at 100 ms must not queue. */
    private static final int THREADS = 128;
    private static final int BACKLOG = 1024;

    /**
     * One call as the simulator saw it.
     *
     * @param arrival     when it arrived, by the simulator's clock
     * @param caller      securityContext webExID or email as sent, {@code ""} if the request was not parsed
     * @param operation   SetUser, GetUser, another operation name as sent, or {@code ""}
     * @param targetUser  bodyContent webExId as sent, or {@code ""}
     * @param exceptionId the FAILURE's exceptionID, {@code ""} for SUCCESS and for answers without XML
     * @param httpStatus  200 for any XML answer, 503, 404, 405, or 0 when the connection was reset
     */
    public record Call(Instant arrival, String caller, String operation, String targetUser, String exceptionId,
                       int httpStatus) {

        /** A SUCCESS document was sent. */
        public boolean succeeded() {
            return httpStatus == 200 && exceptionId.isEmpty();
        }
    }

    private final String siteName;
    private final int port;
    private final SSLContext tls;
    private final UserDirectory directory;
    private final CallerLimits limits;
    private final FaultInjector faults;
    private final SiteOutage outage;
    private final CallLog log = new CallLog();
    private final XmlServiceHandler handler;
    private final TicketOffice tickets;
    private final SignInLog signInLog = new SignInLog();
    private final OAuthService oauth;
    private HttpServer server;
    private HttpServer oauthServer;
    private ExecutorService executor;

    private WebexSimulator(Builder builder) {
        siteName = builder.siteName;
        port = builder.port;
        tls = builder.tls;
        directory = new UserDirectory(builder.users, builder.anyUser);
        limits = new CallerLimits(builder.perMinuteLimit, builder.sitePerMinuteLimit, builder.rateLimitWindow,
                builder.setUserQuota, builder.clock);
        faults = new FaultInjector(builder.resetRate, builder.http503Rate, builder.backendFaultRate, builder.seed);
        outage = new SiteOutage(builder.first503s, builder.setUsersBeforeFailure, builder.siteFailure,
                builder.siteFailureReason);
        tickets = new TicketOffice(builder.ticketLifetime, builder.clock);
        oauth = builder.clientId == null ? null : new OAuthService(builder.clientId, builder.clientSecret,
                builder.accessTokenLifetime, builder.refreshTokenLifetime, builder.rotateRefreshTokens,
                builder.authorizesAs, builder.refreshTokens, builder.clock, signInLog);
        handler = new XmlServiceHandler(new XmlService(siteName, directory, limits, faults, outage,
                new XmlService.SignIns(tickets, oauth, builder.refuseTickets, signInLog, builder.hostPinLength)),
                log, builder.latency, builder.latencyJitter, builder.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and serves, over HTTPS if built with {@link Builder#tls}. A simulator starts once;
     * {@link #close()} ends it.
     */
    public synchronized WebexSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        // The JDK server writes headers and body separately; with Nagle on, each answer then waits ~40 ms for
        // the client's delayed ACK, which would swamp the simulated latency. Read once per JVM, at the first
        // server: unless set otherwise, turn Nagle off.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        try {
            server = bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext(XmlServiceHandler.PATH, handler);
        server.start();
        if (oauth != null) {
            try {
                oauthServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1 for the OAuth endpoints", e);
            }
            oauthServer.setExecutor(executor);
            oauthServer.createContext("/v1/", oauth);
            oauthServer.start();
        }
        return this;
    }

    /**
     * {@code http://127.0.0.1:PORT/WBXService/XMLService}, or {@code https://localhost:PORT/...} over TLS; the
     * port is the bound one when built with 0.
     */
    public URI endpoint() {
        return endpoint(tls == null ? "127.0.0.1" : "localhost");
    }

    /** {@link #endpoint()} under another host name or address, which must still lead to 127.0.0.1. */
    public synchronized URI endpoint(String host) {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        try {
            return new URI(tls == null ? "http" : "https", null, host, server.getAddress().getPort(),
                    XmlServiceHandler.PATH, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host: " + host, e);
        }
    }

    public String siteName() {
        return siteName;
    }

    /** personalMeetingRoom/hostPIN, or null if never set or the user does not exist. */
    public String hostPin(String user) {
        return setting(user, UserDirectory.SiteUser::hostPin);
    }

    /** phones/PIN (the audio PIN), or null if never set or the user does not exist. */
    public String audioPin(String user) {
        return setting(user, UserDirectory.SiteUser::audioPin);
    }

    /** personalTeleconf/joinBeforeHost, or null if never set or the user does not exist. */
    public Boolean joinBeforeHost(String user) {
        return setting(user, UserDirectory.SiteUser::joinBeforeHost);
    }

    /** SetUser calls that named this target user, whatever their answer. */
    public int setUserCalls(String targetUser) {
        return log.count(call -> isSetUser(call) && call.targetUser().equalsIgnoreCase(targetUser));
    }

    /** SetUser calls on this target user that answered SUCCESS. */
    public int successfulSetUserCalls(String targetUser) {
        return log.count(call -> isSetUser(call) && call.succeeded() && call.targetUser().equalsIgnoreCase(targetUser));
    }

    /** SetUser calls this caller account made, whatever their answer. */
    public int setUserCallsBy(String callerAccount) {
        return log.count(call -> isSetUser(call) && call.caller().equalsIgnoreCase(callerAccount));
    }

    /** Calls answered 000045 (the per-minute limit of a caller or of the site), whatever the operation. */
    public int rateLimitedCalls() {
        return log.count(call -> WebexError.RATE_LIMIT_REACHED.exceptionId().equals(call.exceptionId()));
    }

    /** Every call so far, in the order their answers were decided. */
    public List<Call> calls() {
        return log.snapshot();
    }

    /** Successful AuthenticateUser calls of this account. */
    public int signIns(String account) {
        return signInLog.signIns(UserDirectory.key(account));
    }

    /**
     * Calls of this account and operation (SetUser, GetUser, AuthenticateUser) whose secret was carried by this
     * element: {@code password}, {@code webExAccessToken}, {@code sessionTicket}, or AuthenticateUser's
     * {@code accessToken}; whatever their answer.
     */
    public int callsCarrying(String account, String operation, String credential) {
        return signInLog.carrying(UserDirectory.key(account), operation, credential);
    }

    /** Every session ticket of this account stops working now (its next call with one answers 030047). */
    public void revokeTickets(String account) {
        tickets.revoke(UserDirectory.key(account));
    }

    /** Every session ticket, access token, refresh token and code simulators of this JVM issued: for leak tests. */
    public static List<String> issuedSecrets() {
        return TicketOffice.issued();
    }

    /** Refresh-token grants the token endpoint granted to this account. */
    public int tokenRefreshes(String account) {
        return signInLog.refreshes(UserDirectory.key(account));
    }

    /** Calls that carried an access token of the integration after it had run out. */
    public int expiredAccessTokensSeen() {
        return signInLog.expiredAccessTokens();
    }

    /** The token endpoint, {@code http://127.0.0.1:PORT/v1/access_token}; needs {@link Builder#oauth}. */
    public URI tokenUrl() {
        return oauthUrl(OAuthService.TOKEN_PATH);
    }

    /** The authorization endpoint, {@code http://127.0.0.1:PORT/v1/authorize}; needs {@link Builder#oauth}. */
    public URI authorizeUrl() {
        return oauthUrl(OAuthService.AUTHORIZE_PATH);
    }

    private synchronized URI oauthUrl(String path) {
        if (oauthServer == null) {
            throw new IllegalStateException("no OAuth integration, or not started");
        }
        return URI.create("http://127.0.0.1:" + oauthServer.getAddress().getPort() + path);
    }

    /**
     * Back to the state just after {@link Builder#build()}: no calls, budgets unspent, settings unset, fault
     * sequence restarted. Meant for between tests, with no call in flight.
     */
    public void reset() {
        log.clear();
        signInLog.clear();
        tickets.reset();
        if (oauth != null) {
            oauth.reset();
        }
        limits.reset();
        directory.reset();
        faults.reset();
        outage.reset();
    }

    /** The site-wide SetUser failure ({@link Builder#siteFailsAfter}) ends: SetUser answers as usual again. */
    public void recover() {
        outage.recover();
    }

    /** Stops at once: connections in flight are closed, sleeping handlers interrupted. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        if (oauthServer != null) {
            oauthServer.stop(0);
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpServer bind(InetSocketAddress address) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, BACKLOG);
        }
        HttpsServer https = HttpsServer.create(address, BACKLOG);
        https.setHttpsConfigurator(new TlsConfigurator(tls));
        return https;
    }

    private <T> T setting(String user, Function<UserDirectory.SiteUser, T> value) {
        return directory.find(user).map(value).orElse(null);
    }

    private static boolean isSetUser(Call call) {
        return call.operation().equals(XmlRequest.SET_USER);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "webex-simulator-" + count.incrementAndGet());
            thread.setDaemon(true); // a forgotten simulator must not keep a JVM alive
            return thread;
        };
    }

    private static final String USAGE = """
            usage: java -cp pindrop.jar pindrop.simulator.WebexSimulator [options]
              --port N                 default 0 (any free port)
              --site NAME              default acme
              --admin ID:PASSWORD      a site admin account; repeatable
              --user ID                a target user; repeatable
              --users-any              every plausible id is a user
              --latency-ms N           added to every response
              --set-user-quota N       SetUser calls per account before 030002
              --per-minute-limit N     calls per account per minute before 000045
              --site-per-minute-limit N  calls per minute, all accounts together, before 000045
              --rate-limit-window-ms N the length of those minutes (fixed windows), default 60000
              --latency-jitter-ms N    each answer's latency drawn from latency ± N
              --backend-fault-rate R   fraction of calls answered 000035
              --http503-rate R         fraction of calls answered HTTP 503
              --reset-rate R           fraction of calls whose connection is dropped
              --seed N                 seed for the random faults
              --tls-keystore FILE      serve HTTPS with the key in this PKCS12 or JKS file
              --tls-password PW        password of that file and its key""";

    /** Runs a simulator until the JVM is stopped (Ctrl-C), for demos and benchmarks. */
    public static void main(String[] args) throws InterruptedException {
        WebexSimulator simulator;
        try {
            simulator = fromArgs(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Webex simulator for site " + simulator.siteName() + " at " + simulator.endpoint());
        Thread.currentThread().join();
    }

    static Builder fromArgs(String... args) {
        Builder builder = builder().site("acme");
        Path keyStore = null;
        String keyStorePassword = "";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--users-any")) {
                builder.anyUser(true);
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + ": unknown, or missing its value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--site" -> builder.site(value);
                case "--admin" -> {
                    int colon = value.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("--admin takes ID:PASSWORD");
                    }
                    builder.admin(value.substring(0, colon), value.substring(colon + 1));
                }
                case "--user" -> builder.user(value);
                case "--latency-ms" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
                case "--set-user-quota" -> builder.setUserQuota(Integer.parseInt(value));
                case "--per-minute-limit" -> builder.perMinuteLimit(Integer.parseInt(value));
                case "--backend-fault-rate" -> builder.backendFaultRate(Double.parseDouble(value));
                case "--http503-rate" -> builder.http503Rate(Double.parseDouble(value));
                case "--reset-rate" -> builder.resetRate(Double.parseDouble(value));
                case "--seed" -> builder.seed(Long.parseLong(value));
                case "--site-per-minute-limit" -> builder.sitePerMinuteLimit(Integer.parseInt(value));
                case "--rate-limit-window-ms" -> builder.rateLimitWindow(Duration.ofMillis(Long.parseLong(value)));
                case "--latency-jitter-ms" -> builder.latencyJitter(Duration.ofMillis(Long.parseLong(value)));
                case "--tls-keystore" -> keyStore = Path.of(value);
                case "--tls-password" -> keyStorePassword = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (keyStore != null) {
            try {
                builder.tls(TlsConfigurator.serverContext(keyStore, keyStorePassword.toCharArray()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("--tls-keystore " + keyStore + ": " + e.getMessage(), e);
            }
        }
        return builder;
    }

    /** Configures a simulator; every switch is described on {@link WebexSimulator}. */
    public static final class Builder {
        private String siteName;
        private final Map<String, UserDirectory.SiteUser> users = new LinkedHashMap<>();
        private boolean anyUser;
        private Duration latency = Duration.ZERO;
        private int setUserQuota = CallerLimits.UNLIMITED;
        private int perMinuteLimit = CallerLimits.UNLIMITED;
        private double backendFaultRate;
        private double http503Rate;
        private double resetRate;
        private long seed = ThreadLocalRandom.current().nextLong();
        private int port;
        private Clock clock = Clock.systemUTC();
        private SSLContext tls;
        private int first503s;
        private int setUsersBeforeFailure;
        private String siteFailure;
        private String siteFailureReason;
        private Duration ticketLifetime = Duration.ofSeconds(5400);
        private boolean refuseTickets;
        private int hostPinLength = 4;
        private String clientId;
        private String clientSecret;
        private final Map<String, String> refreshTokens = new LinkedHashMap<>();
        private Duration accessTokenLifetime = Duration.ofDays(14);
        private Duration refreshTokenLifetime = Duration.ofDays(90);
        private boolean rotateRefreshTokens;
        private String authorizesAs;
        private int sitePerMinuteLimit = CallerLimits.UNLIMITED;
        private Duration rateLimitWindow = Duration.ofMinutes(1);
        private Duration latencyJitter = Duration.ZERO;

        private Builder() {
        }

        public Builder site(String siteName) {
            this.siteName = requireText(siteName, "siteName");
            return this;
        }

        /** A site admin that authenticates with a password. */
        public Builder admin(String id, String password) {
            return account(id, password, true);
        }

        /** An account that authenticates with a password; {@code siteAdmin} false makes SetUser answer 000001. */
        public Builder account(String id, String password, boolean siteAdmin) {
            return caller(id, new XmlRequest.Credential(XmlRequest.SecretKind.PASSWORD, requireText(password, "password")),
                    siteAdmin);
        }

        /** A site admin that authenticates with an OAuth access token ({@code webExAccessToken}). */
        public Builder tokenAdmin(String id, String accessToken) {
            return caller(id, new XmlRequest.Credential(XmlRequest.SecretKind.ACCESS_TOKEN,
                    requireText(accessToken, "accessToken")), true);
        }

        /** A target user that exists; an id that is already an account stays that account. */
        public Builder user(String id) {
            users.putIfAbsent(UserDirectory.key(requireText(id, "user id")), UserDirectory.SiteUser.plain(id));
            return this;
        }

        public Builder users(Collection<String> ids) {
            ids.forEach(this::user);
            return this;
        }

        /** Every plausible id (1 to 128 characters, no white space) is an existing user. */
        public Builder anyUser(boolean anyUser) {
            this.anyUser = anyUser;
            return this;
        }

        public Builder latency(Duration latency) {
            if (Objects.requireNonNull(latency, "latency").isNegative()) {
                throw new IllegalArgumentException("latency must not be negative");
            }
            this.latency = latency;
            return this;
        }

        /** SetUser calls each caller account gets before its SetUser answers 030002 for good; 0 allowed. */
        public Builder setUserQuota(int calls) {
            this.setUserQuota = requireAtLeast(calls, 0, "setUserQuota");
            return this;
        }

        /** Calls each caller gets in any rolling minute before 000045. */
        public Builder perMinuteLimit(int calls) {
            this.perMinuteLimit = requireAtLeast(calls, 1, "perMinuteLimit");
            return this;
        }

        public Builder backendFaultRate(double fraction) {
            this.backendFaultRate = requireFraction(fraction, "backendFaultRate");
            return this;
        }

        public Builder http503Rate(double fraction) {
            this.http503Rate = requireFraction(fraction, "http503Rate");
            return this;
        }

        public Builder resetRate(double fraction) {
            this.resetRate = requireFraction(fraction, "resetRate");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** 0 (the default) takes any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** The clock of the rolling minute and of call arrivals; a test can move it instead of waiting. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Serve HTTPS with this context's key and certificate; TLS below 1.2 is refused whatever it allows. */
        public Builder tls(SSLContext serverContext) {
            this.tls = Objects.requireNonNull(serverContext, "serverContext");
            return this;
        }

        /** How long a session ticket of AuthenticateUser works (its timeToLive); 5400 s as seen on Webex. */
        public Builder ticketLifetime(Duration lifetime) {
            this.ticketLifetime = requirePositive(lifetime, "ticketLifetime");
            return this;
        }

        /** true: AuthenticateUser answers 030104, as a site or operation that does not take session tickets. */
        public Builder refuseTickets(boolean refuse) {
            this.refuseTickets = refuse;
            return this;
        }

        /** The site's host PIN length (a Control Hub option); the audio PIN stays 4 digits. */
        public Builder hostPinLength(int digits) {
            this.hostPinLength = requireAtLeast(digits, 1, "hostPinLength");
            return this;
        }

        /** The site's OAuth integration: its token and authorization endpoints are served on a port of their own. */
        public Builder oauth(String clientId, String clientSecret) {
            this.clientId = requireText(clientId, "clientId");
            this.clientSecret = requireText(clientSecret, "clientSecret");
            return this;
        }

        /** A site admin who authorised the integration and so holds this refresh token. */
        public Builder oauthAdmin(String id, String refreshToken) {
            return oauthAccount(id, refreshToken, true);
        }

        /** An account of the integration; {@code siteAdmin} false makes its SetUser answer 000001. */
        public Builder oauthAccount(String id, String refreshToken, boolean siteAdmin) {
            users.put(UserDirectory.key(requireText(id, "account id")),
                    new UserDirectory.SiteUser(id, null, siteAdmin, null, null, null));
            refreshTokens.put(UserDirectory.key(id), requireText(refreshToken, "refreshToken"));
            if (authorizesAs == null) {
                authorizesAs = UserDirectory.key(id);
            }
            return this;
        }

        /** How long the integration's access tokens work (expires_in); 14 days as on Webex. */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = requirePositive(lifetime, "accessTokenLifetime");
            return this;
        }

        /** How long a refresh token works from when it was issued (refresh_token_expires_in); 90 days. */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = requirePositive(lifetime, "refreshTokenLifetime");
            return this;
        }

        /** true: each refresh hands out a new refresh token, and the one used is refused from then on. */
        public Builder rotateRefreshTokens(boolean rotate) {
            this.rotateRefreshTokens = rotate;
            return this;
        }

        /** The admin the authorization endpoint signs in (the browser's user); the first oauthAdmin by default. */
        public Builder authorizesAs(String id) {
            this.authorizesAs = UserDirectory.key(requireText(id, "account id"));
            return this;
        }

        private static Duration requirePositive(Duration value, String what) {
            if (Objects.requireNonNull(value, what).isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return value;
        }

        /** Calls all callers together get in each fixed minute before 000045: a site's own cap. */
        public Builder sitePerMinuteLimit(int calls) {
            this.sitePerMinuteLimit = requireAtLeast(calls, 1, "sitePerMinuteLimit");
            return this;
        }

        /** The length of the fixed windows the per-minute limits count in; tests shorten it to seconds. */
        public Builder rateLimitWindow(Duration window) {
            if (Objects.requireNonNull(window, "window").toMillis() < 1) {
                throw new IllegalArgumentException("rateLimitWindow must be at least 1 ms");
            }
            this.rateLimitWindow = window;
            return this;
        }

        /** Each answer's latency is drawn evenly from latency ± jitter, never below 0. */
        public Builder latencyJitter(Duration jitter) {
            if (Objects.requireNonNull(jitter, "jitter").isNegative()) {
                throw new IllegalArgumentException("latencyJitter must not be negative");
            }
            this.latencyJitter = jitter;
            return this;
        }

        public WebexSimulator build() {
            if (siteName == null) {
                throw new IllegalArgumentException("site is required");
            }
            if (backendFaultRate + http503Rate + resetRate > 1.0) {
                throw new IllegalArgumentException("the fault rates add up to more than 1");
            }
            return new WebexSimulator(this);
        }

        /** The first {@code calls} calls of any kind, GetUser checks included, answer HTTP 503. */
        public Builder firstCallsAnswer503(int calls) {
            this.first503s = requireAtLeast(calls, 0, "firstCallsAnswer503");
            return this;
        }

        /**
         * After {@code setUserCalls} SetUser calls reached the site, every SetUser answers {@code exceptionId}
         * with {@code reason}, whoever the user, until {@link WebexSimulator#recover()}; GetUser still works.
         */
        public Builder siteFailsAfter(int setUserCalls, String exceptionId, String reason) {
            this.setUsersBeforeFailure = requireAtLeast(setUserCalls, 0, "setUserCalls");
            this.siteFailure = requireText(exceptionId, "exceptionId");
            this.siteFailureReason = requireText(reason, "reason");
            return this;
        }

        private Builder caller(String id, XmlRequest.Credential credential, boolean siteAdmin) {
            users.put(UserDirectory.key(requireText(id, "account id")),
                    new UserDirectory.SiteUser(id, credential, siteAdmin, null, null, null));
            return this;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static int requireAtLeast(int value, int least, String what) {
            if (value < least) {
                throw new IllegalArgumentException(what + " must be at least " + least);
            }
            return value;
        }

        private static double requireFraction(double value, String what) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new IllegalArgumentException(what + " must be between 0 and 1");
            }
            return value;
        }
    }
}
