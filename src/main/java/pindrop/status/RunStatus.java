package pindrop.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import pindrop.account.AccountPool;
import pindrop.batch.Batch;
import pindrop.batch.Batches;
import pindrop.batch.Pace;
import pindrop.webex.SiteFailureBreaker;

/**
 * What pindrop is doing now, as the status page and its JSON show it: each file in progress and each admin
 * account. Never a secret: accounts appear by id only.
 */
public record RunStatus(String at, boolean accountUsable, String reason, List<FileProgress> files,
        List<AccountStatus> accounts, String role, SitePace site) {

    /**
     * A file in progress, by its job (and whether it is a dry run): rows done of its total, rows per status, rate
     * and the time the rest takes at it.
     */
    public record FileProgress(String file, String job, boolean dryRun, int rows, long done, Map<String, Long> counts,
            double rowsPerSecond, Long etaSeconds, long elapsedSeconds) {
    }

    /**
     * An admin account; {@code inUse} marks those calls go to now (accounts are used in parallel). Its learned
     * per-minute limit ({@code null} until Webex answered 000045) and its pace are calls per minute.
     */
    public record AccountStatus(String id, AccountPool.State state, boolean inUse, int calls, int callsLeft,
            String backAt, String why, Integer learnedLimitPerMinute, Double pacePerMinute) {
    }

    /** The site's learned per-minute limit and pace, {@code null} until every account met 000045 together. */
    public record SitePace(Integer learnedLimitPerMinute, Double pacePerMinute) {
    }

    /**
     * {@code role}: leader, or standby while another pindrop leads on the state folder (pindrop.ha);
     * {@code accountUsable} is false, and {@code reason} says why, while the whole site fails too.
     */
    public static RunStatus of(Batches batches, AccountPool pool, String role, SiteFailureBreaker siteFailures) {
        // asked first: it may check an unchecked account, which the view then shows
        Optional<String> unusable = siteFailures.whyClosed().or(pool::whyUnusable);
        List<AccountPool.View> views = pool.view();
        List<AccountPool.PaceView> paces = pool.paces();
        double perMinute = 60_000.0 / pool.paceWindow().toMillis();
        List<AccountStatus> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            AccountPool.View v = views.get(i);
            AccountPool.PaceView pace = paces.get(i);
            accounts.add(new AccountStatus(v.id(), v.state(), v.takesCalls(), v.calls(), v.callsLeft(), v.backAt(),
                    v.why(), perMinute(pace.limit(), perMinute), perMinute(pace.pace(), perMinute)));
        }
        AccountPool.PaceView sitePace = paces.get(paces.size() - 1);
        SitePace site = new SitePace(perMinute(sitePace.limit(), perMinute), perMinute(sitePace.pace(), perMinute));
        List<FileProgress> files = batches.open().stream().sorted(Comparator.comparing(Batch::inputName))
                .map(RunStatus::progress).toList();
        return new RunStatus(Instant.now().toString(), unusable.isEmpty(), unusable.orElse(null), files, accounts,
                role, site);
    }

    private static Integer perMinute(Integer perWindow, double perMinute) {
        return perWindow == null ? null : (int) Math.round(perWindow * perMinute);
    }

    /** A pace per minute to a tenth; none for a pace without a limit (the site's before it met one). */
    private static Double perMinute(double perWindow, double perMinute) {
        return Double.isInfinite(perWindow) ? null : Math.round(perWindow * perMinute * 10) / 10.0;
    }

    private static FileProgress progress(Batch batch) {
        Pace pace = Pace.of(batch);
        return new FileProgress(batch.inputName(), batch.job(), batch.dryRun(), batch.rowCount(), batch.done(),
                batch.counts(), Math.round(pace.rowsPerSecond() * 10) / 10.0,
                pace.eta().map(Duration::toSeconds).orElse(null), batch.elapsed().toSeconds());
    }
}
