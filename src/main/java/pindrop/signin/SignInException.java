package pindrop.signin;

/**
 * An account cannot get credentials for a call: its refresh token was refused ({@code forGood}: it is set aside)
 * or the token endpoint did not answer and no access token is current (it may work again soon). The message
 * names the account and what to do, never a secret.
 */
public final class SignInException extends Exception {

    private final boolean forGood;

    public SignInException(String message, boolean forGood) {
        super(message);
        this.forGood = forGood;
    }

    public boolean forGood() {
        return forGood;
    }
}
