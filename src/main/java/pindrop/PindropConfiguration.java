package pindrop;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.model.Model;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pindrop.account.Account;
import pindrop.account.AccountPool;
import pindrop.account.AccountSettings;
import pindrop.batch.Batches;
import pindrop.batch.DeferredInputs;
import pindrop.batch.DryRunGate;
import pindrop.batch.DryRunPlan;
import pindrop.batch.GracefulStop;
import pindrop.batch.InboxGate;
import pindrop.batch.InputRecovery;
import pindrop.batch.ProgressLog;
import pindrop.check.PinRule;
import pindrop.check.RowCheck;
import pindrop.check.RowDocument;
import pindrop.check.SettingsCheck;
import pindrop.durable.DurableFiles;
import pindrop.outcome.Outbox;
import pindrop.secrets.SecretFileCheck;
import pindrop.secrets.TraceMask;
import pindrop.signin.AccessTokens;
import pindrop.signin.KeptRefreshTokens;
import pindrop.signin.SessionTickets;
import pindrop.signin.SignIn;
import pindrop.signin.TokenEndpoint;
import pindrop.signin.WebexSignIn;
import pindrop.simulator.DemoSite;
import pindrop.status.AccountsHealthCheck;
import pindrop.status.LeadershipHealthCheck;
import pindrop.status.LiveStatus;
import pindrop.status.WebexCallMetrics;
import pindrop.template.TemplateDownload;
import pindrop.webex.SetUserCall;
import pindrop.webex.SiteFailureBreaker;
import pindrop.webex.UserLookup;
import pindrop.webex.WebexAccountCheck;
import pindrop.webex.WebexTls;
import pindrop.settings.StylesheetConfiguration;
import pindrop.settings.DurationSetting;
import pindrop.job.RouteReload;
import pindrop.job.JobStylesheets;
import pindrop.job.DryRunRoutes;

/**
 * The one place pindrop is wired: its start-up side effects, named, and every bean the YAML routes call, bound
 * under the name the routes use (the two ceilings, plain values, are declared in routes/webex-setuser.camel.yaml).
 * With no {@code webex.site} configured it first starts the built-in simulator and points pindrop at it, so
 * nothing can reach a real site in demo mode.
 */
public final class PindropConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PindropConfiguration.class);

    /** Outcomes held for in-order writing before a row too far ahead waits (bounded memory per file). */
    private static final int RESULTS_WINDOW = 1024;
    /** The sign-ins Webex granted, per account: {@code pindrop_webex_signins_total{account}}. */
    private static final String SIGN_INS = "pindrop.webex.signins";

    /**
     * Start-up side effects first, each named: secrets guarded, the state folder taken (unless a standby may share
     * it), the simulator started when no site is set (its endpoint then overrides webex.url, so every bean below
     * sees it). Then the beans the routes call, each bound under the name the routes use; last, the interrupted
     * inputs recovered (by the leader, with pindrop.ha).
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        guardSecrets(context);
        Path state = Path.of(context.resolvePropertyPlaceholders("{{pindrop.state}}"));
        // --once is a run of its own, never a standby
        boolean ha = Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{pindrop.ha}}").trim())
                && !Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{pindrop.once}}"));
        if (!ha) {
            takeStateFolder(context, state);
        }
        boolean simulated = startSimulatorWithoutSite(context);
        PropertiesComponent properties = context.getPropertiesComponent();
        KeptRefreshTokens keptRefreshTokens = new KeptRefreshTokens(state);
        List<Account> accounts = AccountSettings.read(properties::resolveProperty, keptRefreshTokens::kept);
        AccountPool pool = AccountPool.create(accounts,
                new AccountPool.Settings(number(context, "webex.account-quota"),
                        duration(context, "webex.account-quota-window"),
                        duration(context, "webex.account-cool-down"),
                        duration(context, "webex.account-wait")),
                new AccountPool.Pacing(duration(context, "webex.rate-limit-window"),
                        number(context, "webex.pace-start"),
                        Double.parseDouble(context.resolvePropertyPlaceholders("{{webex.pace-headroom}}").trim())),
                state);
        StylesheetConfiguration stylesheets = new StylesheetConfiguration();
        context.getRegistry().bind("stylesheetConfiguration", stylesheets);
        RowDocument rowDocument = new RowDocument(stylesheets);
        context.getRegistry().bind("rowDocument", rowDocument);
        SignIn signIn = signIn(context, accounts, pool, rowDocument, keptRefreshTokens);
        context.getRegistry().bind(SignIn.BEAN, signIn);
        WebexAccountCheck accountCheck = new WebexAccountCheck(context.createProducerTemplate(), rowDocument, signIn);
        context.getRegistry().bind("accountCheck", accountCheck);
        pool.checkWith(accountCheck);
        context.addService(pool);
        Outbox outbox = new Outbox(Path.of(context.resolvePropertyPlaceholders("{{pindrop.outbox}}")),
                durableFiles(context));
        Path journals = state.resolve("journals");
        ActiveStandby.TakeOver recovery = () -> {
            InputRecovery.returnInterruptedInputs(Path.of(context.resolvePropertyPlaceholders("{{pindrop.inbox}}")));
            InputRecovery.removeOldJournals(journals, duration(context, "pindrop.journal-retention"));
        };
        ActiveStandby leadership;
        if (ha) {
            // the leader's ledger and inputs are taken over only when this pindrop leads
            pool.follow();
            leadership = ActiveStandby.elected(context, state, duration(context, "pindrop.ha.lock-interval"), () -> {
                pool.lead();
                recovery.run();
            });
        } else {
            leadership = ActiveStandby.alone();
            recovery.run();
        }
        // a stop waits for the rows in flight as long as their call may take
        Path inbox = Path.of(context.resolvePropertyPlaceholders("{{pindrop.inbox}}"));
        boolean once = Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{pindrop.once}}"));
        Batches batches = new Batches(outbox, journals, duration(context, "pindrop.journal-sync"), pool, simulated,
                once, RESULTS_WINDOW,
                Duration.ofMillis(number(context, "webex.response-timeout-ms")));
        context.getManagementStrategy().addEventNotifier(new GracefulStop(batches));
        context.getRegistry().bind("accountPool", pool);
        SiteFailureBreaker siteFailures = new SiteFailureBreaker(number(context, "pindrop.site-failure.threshold"),
                duration(context, "pindrop.site-failure.back-off"), Clock.systemUTC());
        context.getRegistry().bind("siteFailures", siteFailures);
        context.getRegistry().bind("inboxGate", new InboxGate(pool, outbox, state, siteFailures));
        context.getRegistry().bind("dryRunGate", new DryRunGate(outbox.dir(), state));
        context.getRegistry().bind("dryRunPlan", new DryRunPlan());
        context.getRegistry().bind("userLookup", new UserLookup(pool, signIn));
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        model.addModelLifecycleStrategy(new JobStylesheets(stylesheets, rowDocument));
        model.addModelLifecycleStrategy(new DryRunRoutes(model));
        context.getRegistry().bind("batches", batches);
        context.getRegistry().bind("deferredInputs", new DeferredInputs(pool, inbox));
        context.getRegistry().bind("progressLog", new ProgressLog(batches, pool));
        context.getRegistry().bind("rowCheck", new RowCheck());
        int hostPinLength = number(context, "pindrop.host-pin-length");
        context.getRegistry().bind("hostPinCheck", new RowCheck(PinRule.hostPin(hostPinLength)));
        context.getRegistry().bind("settingsCheck", new SettingsCheck(hostPinLength));
        context.getRegistry().bind("setUserCall",
                new SetUserCall(pool, duration(context, "webex.rate-limit-pause"), signIn));
        // the live status: the status routes' bean; Camel's health checks are looked up in its registry
        context.getRegistry().bind("liveStatus",
                new LiveStatus(batches, pool, leadership, siteFailures, Optional.of(signIn)));
        context.getRegistry().bind("accountsHealthCheck", new AccountsHealthCheck(pool, siteFailures));
        context.getRegistry().bind("leadershipHealthCheck", new LeadershipHealthCheck(leadership));
        context.getManagementStrategy().addEventNotifier(new WebexCallMetrics(pool));
        context.getRegistry().bind("templateDownload",
                new TemplateDownload(Path.of(context.resolvePropertyPlaceholders("{{pindrop.routes}}"))));
        if (Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{pindrop.routes.reload}}").trim())) {
            context.addService(
                    new RouteReload(context.resolvePropertyPlaceholders("{{pindrop.routes}}"), "*.camel.yaml"));
        }
    }

    /**
     * How the accounts sign in, from {@code webex.session-tickets} and {@code webex.oauth.*}: every call's credentials
     * come from it, and the access tokens of the integration's accounts are a service (fetched when pindrop starts).
     * Each sign-in Webex grants is counted in {@code pindrop_webex_signins_total{account}}.
     */
    private static SignIn signIn(CamelContext context, List<Account> accounts, AccountPool pool,
            RowDocument rowDocument, KeptRefreshTokens kept) throws Exception {
        String clientId = setting(context, "webex.oauth.client-id");
        String clientSecret = setting(context, "webex.oauth.client-secret");
        Optional<Account> integrationAccount = accounts.stream().filter(Account::usesRefreshToken).findFirst();
        if (integrationAccount.isPresent() && (clientId.isEmpty() || clientSecret.isEmpty())) {
            Account account = integrationAccount.get();
            throw new IllegalArgumentException("webex.account." + account.number() + " (" + account
                    + ") signs in with a refresh token of the OAuth integration: set WEBEX_OAUTH_CLIENT_ID and"
                    + " WEBEX_OAUTH_CLIENT_SECRET");
        }
        TokenEndpoint endpoint = new TokenEndpoint(URI.create(setting(context, "webex.oauth.token-url")), clientId,
                clientSecret, Duration.ofMillis(number(context, "webex.connect-timeout-ms")));
        AccessTokens accessTokens;
        try {
            accessTokens = new AccessTokens(accounts, endpoint, kept, pool, Clock.systemUTC());
        } catch (IOException e) {
            throw new IllegalStateException("the kept refresh tokens cannot be read: " + e.getMessage(), e);
        }
        context.addService(accessTokens);
        SessionTickets tickets = Boolean.parseBoolean(setting(context, "webex.session-tickets"))
                ? new SessionTickets(new WebexSignIn(context.createProducerTemplate(), rowDocument), Clock.systemUTC(),
                        account -> countSignIn(context, account, pool))
                : null;
        return new SignIn(tickets, accessTokens);
    }

    /** A sign-in is a call Webex counts against the account's per-minute limit too: its pace hears of it. */
    private static void countSignIn(CamelContext context, Account account, AccountPool pool) {
        pool.countedOutside(account);
        MeterRegistry registry = context.getRegistry()
                .lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        if (registry != null) {
            registry.counter(SIGN_INS, "account", account.id()).increment();
        }
    }

    /** Secrets files owner-only (a warning otherwise), masked in Camel's traces, and TLS as webex.* says. */
    private static void guardSecrets(CamelContext context) throws Exception {
        SecretFileCheck.warnAbout(context.getPropertiesComponent().resolveProperty("camel.main.file-configurations"));
        TraceMask.install(context);
        WebexTls.apply(context);
    }

    /** One pindrop per state folder (StateFolderLock says why); released when pindrop stops or dies. */
    private static void takeStateFolder(CamelContext context, Path state) throws Exception {
        context.addService(StateFolderLock.take(state));
    }

    /**
     * With webex.site unset, the built-in simulator on a loopback port, pointed at by webex.url, and the sample in
     * an empty inbox: nothing can reach a real site in demo mode. True when pindrop runs on it.
     */
    private static boolean startSimulatorWithoutSite(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        if (!properties.resolveProperty("webex.site").map(String::isBlank).orElse(true)) {
            return false;
        }
        DemoSite demo = DemoSite.start(properties::resolveProperty);
        context.addService(demo);
        demo.properties().forEach(properties::addOverrideProperty);
        LOG.warn("\n\n    *** SIMULATED: webex.site is not set, pindrop runs against its built-in Webex simulator"
                + " at {}.\n    *** No real Webex site is contacted. Set WEBEX_SITE and WEBEX_ACCOUNT_1_* for a real"
                + " run.\n", demo.endpoint());
        demo.dropSample(Path.of(context.resolvePropertyPlaceholders("{{pindrop.inbox}}")));
        return true;
    }

    /** How outcome files and journals reach the disk: a bean bound before start (a test's recording) or the disk. */
    private static DurableFiles durableFiles(CamelContext context) {
        DurableFiles bound = context.getRegistry().lookupByNameAndType("durableFiles", DurableFiles.class);
        return bound != null ? bound : new DurableFiles();
    }

    private static Duration duration(CamelContext context, String key) {
        return DurationSetting.parse(key, context.resolvePropertyPlaceholders("{{" + key + "}}"));
    }

    private static String setting(CamelContext context, String key) {
        return context.getPropertiesComponent().resolveProperty(key).orElse("").trim();
    }

    private static int number(CamelContext context, String key) {
        return Integer.parseInt(context.resolvePropertyPlaceholders("{{" + key + "}}").trim());
    }
}
