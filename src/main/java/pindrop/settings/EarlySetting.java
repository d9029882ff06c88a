package pindrop.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A setting needed before Camel main reads its configuration (the log format, the routes folder for
 * {@code --template}), looked up in Camel main's order: a system property, the environment variable (upper case,
 * {@code .} and {@code -} as {@code _}), then application.properties on the classpath.
 */
public final class EarlySetting {

    private EarlySetting() {
    }

    public static String get(String key, String fallback) {
        return Optional.ofNullable(System.getProperty(key))
                .or(() -> Optional.ofNullable(System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))))
                .or(() -> Optional.ofNullable(applicationProperties().getProperty(key)))
                .map(String::strip).filter(value -> !value.isEmpty()).orElse(fallback);
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = EarlySetting.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
