package dev.tally.audit.chargeback.run;

import dev.tally.audit.common.cli.UserFacingException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses {@code --month}: {@code YYYY-MM}, not in the future (a month that has not started has no bill). */
public final class MonthArgument {
    private MonthArgument() {
    }

    /**
     * @param text         what the user typed
     * @param currentMonth this month (UTC), the latest month accepted; it is open, so its report is provisional
     */
    public static YearMonth parse(String text, YearMonth currentMonth) {
        YearMonth month;
        try {
            if (!text.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", text, 0);
            }
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw UserFacingException.usage("--month '" + text + "' is not a month: use YYYY-MM, for example "
                    + currentMonth.minusMonths(1));
        }
        if (month.isAfter(currentMonth)) {
            throw UserFacingException.usage("--month " + month + " is in the future (this month is " + currentMonth
                    + "): pick a month that has started, for example " + currentMonth.minusMonths(1));
        }
        return month;
    }
}
