package io.portcullis.store;

/**
 * How many routers one of serve's drift checks covered, and how many of them it left out of the run's router rows
 * because their state was the same as at the check last recorded for them (scheduled checks only; every other run
 * records each router, so {@code unchanged} is 0 there). Kept on the run row so "was this router checked" is still
 * answerable without a row per router per check.
 */
public record CheckCounts(int checked, int unchanged) {
    public CheckCounts {
        if (checked < 0 || unchanged < 0 || unchanged > checked) {
            throw new IllegalArgumentException(
                    "check counts out of range: " + checked + " checked, " + unchanged + " unchanged");
        }
    }
}
