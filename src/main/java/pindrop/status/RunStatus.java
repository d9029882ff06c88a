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
        List<AccountStatus> accounts, String role) {

    /**
     * A file in progress, by its job (and whether it is a dry run): rows done of its total, rows per status, rate
     * and the time the rest takes at it.
     */
    public record FileProgress(String file, String job, boolean dryRun, int rows, long done, Map<String, Long> counts,
            double rowsPerSecond, Long etaSeconds, long elapsedSeconds) {
    }

    /** An admin account; {@code inUse} marks the one calls go to now (accounts are used one after another). */
    public record AccountStatus(String id, AccountPool.State state, boolean inUse, int calls, int callsLeft,
            String backAt, String why) {
    }

    /**
     * {@code role}: leader, or standby while another pindrop leads on the state folder (pindrop.ha);
     * {@code accountUsable} is false, and {@code reason} says why, while the whole site fails too.
     */
    public static RunStatus of(Batches batches, AccountPool pool, String role, SiteFailureBreaker siteFailures) {
        // asked first: it may check an unchecked account, which the view then shows
        Optional<String> unusable = siteFailures.whyClosed().or(pool::whyUnusable);
        List<AccountPool.View> views = pool.view();
        String inUse = views.stream().filter(AccountPool.View::takesCalls).findFirst().map(AccountPool.View::id)
                .orElse(null);
        List<AccountStatus> accounts = views.stream().map(v -> new AccountStatus(v.id(), v.state(),
                v.id().equals(inUse), v.calls(), v.callsLeft(), v.backAt(), v.why())).toList();
        List<FileProgress> files = batches.open().stream().sorted(Comparator.comparing(Batch::inputName))
                .map(RunStatus::progress).toList();
        return new RunStatus(Instant.now().toString(), unusable.isEmpty(), unusable.orElse(null), files, accounts,
                role);
    }

    private static FileProgress progress(Batch batch) {
        Pace pace = Pace.of(batch);
        return new FileProgress(batch.inputName(), batch.job(), batch.dryRun(), batch.rowCount(), batch.done(),
                batch.counts(), Math.round(pace.rowsPerSecond() * 10) / 10.0,
                pace.eta().map(Duration::toSeconds).orElse(null), batch.elapsed().toSeconds());
    }
}
