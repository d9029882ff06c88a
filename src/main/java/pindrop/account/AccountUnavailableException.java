package pindrop.account;

/** The account a call went out on cannot take more calls now: the call moves on to the next account. */
public class AccountUnavailableException extends Exception {
    public AccountUnavailableException(String message) {
        super(message);
    }
}
