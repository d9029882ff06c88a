package pindrop.webex;

/** A row's stylesheet failed to write its request, so no call was made; never retried (the stylesheet decides). */
public final class UnwritableRequestException extends Exception {

    public UnwritableRequestException(String message) {
        super(message);
    }
}
