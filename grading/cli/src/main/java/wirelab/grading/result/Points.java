package wirelab.grading.result;

import java.util.Locale;

/** Points as every output writes them: a whole number without decimals ("3"), else two ("2.50"). */
public final class Points {

    private Points() {
    }

    public static String of(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
