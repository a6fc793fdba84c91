package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.ChildJvm;
import wirelab.testkit.Points;

/**
 * Hidden: your code on a machine unlike the grading sandbox, in a second JVM that starts with a
 * default charset that is not UTF-8, in another time zone and in another language. Setting
 * these in a running JVM (as Part1ResponseTest does) misses what was read from the machine
 * before: a formatter or charset kept in a static field.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenPlatformTest {

    /** One child JVM for both tests (when they run in the same test JVM): a JVM start is most of their cost. */
    private static List<String> probes;

    static synchronized List<String> probes() throws Exception {
        if (probes == null) {
            probes = ChildJvm.run(List.of("-Dfile.encoding=ISO-8859-1", "-Dsun.jnu.encoding=ISO-8859-1",
                    "-Duser.timezone=" + PlatformProbes.ZONE, "-Duser.language=de", "-Duser.country=DE"),
                    PlatformProbes.class);
        }
        return probes;
    }

    @Test
    @Points(1)
    @DisplayName("parameters are decoded as UTF-8 also where the platform's default charset is not UTF-8 (ISO-8859-1)")
    void test01_parametersAreUtf8WhateverTheDefaultCharset() throws Exception {
        List<String> failed = ChildJvm.failures(probes(), 1, "setup-charset", "decodeParameters");
        assertTrue(failed.isEmpty(), "in a JVM whose default charset is ISO-8859-1, your parameters came out wrong:"
                + " URLDecoder.decode(s) without a charset uses the platform's default, which is UTF-8 on the"
                + " grading machine but not everywhere. Pass StandardCharsets.UTF_8.\n  " + String.join("\n  ", failed));
    }

    @Test
    @Points(2)
    @DisplayName("Date and Last-Modified are GMT and English in a JVM that starts in Kolkata, in German")
    void test02_datesAreGmtWhateverTheMachine() throws Exception {
        List<String> failed = ChildJvm.failures(probes(), 2, "setup-zone", "ResponseWriter", "StaticFileServlet");
        assertTrue(failed.isEmpty(), "in a JVM started in the time zone Asia/Kolkata (UTC+05:30) and in German, your"
                + " HTTP dates came out wrong: an HTTP date is always GMT and in English. A formatter made without"
                + " ZoneOffset.UTC and Locale.ENGLISH takes the machine's zone and language (on the grading machine UTC"
                + " and English, so it looked right), also when it is made once in a static field. Use HttpDates.format"
                + " and HttpDates.parse.\n  " + String.join("\n  ", failed));
    }
}
