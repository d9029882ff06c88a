package pindrop.batch;

import java.io.IOException;
import java.nio.file.Path;

import pindrop.account.AccountPool;

/** Service mode: inputs with DEFERRED rows wait in {@code .deferred/} and go back once an account is usable. */
public final class DeferredInputs {

    private final AccountPool pool;
    private final Path inbox;

    public DeferredInputs(AccountPool pool, Path inbox) {
        this.pool = pool;
        this.inbox = inbox;
    }

    public void returnWhenAnAccountIsBack() throws IOException {
        if (pool.anyUsable()) {
            InputRecovery.returnDeferredInputs(inbox);
        }
    }
}
