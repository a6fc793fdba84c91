package wirelab.dispatcher;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates ({@code Date}, {@code Last-Modified}, {@code If-Modified-Since}) are RFC 1123 dates
 * in GMT, in English, whole seconds: {@code Sun, 06 Nov 1994 08:49:37 GMT}.
 */
public final class HttpDates {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return RFC_1123.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant, or empty when the text is not an HTTP date (then the header is ignored). */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
