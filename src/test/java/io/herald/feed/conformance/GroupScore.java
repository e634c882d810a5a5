package io.herald.feed.conformance;

import java.util.ArrayList;
import java.util.List;

/** Pass counts of one corpus group, with the first failures kept for the report. */
public final class GroupScore {
    private static final int KEPT_FAILURES = Integer.getInteger("conformance.failures", 15);

    private final String name;
    private final String unit;
    private int passed;
    private int total;
    private int crashes;
    private int hangs;
    private final List<String> failures = new ArrayList<>();

    public GroupScore(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    public void pass() {
        passed++;
        total++;
    }

    public void fail(String why) {
        total++;
        if (failures.size() < KEPT_FAILURES) {
            failures.add(why);
        }
    }

    public void record(boolean ok, String why) {
        if (ok) {
            pass();
        } else {
            fail(why);
        }
    }

    public void crash(String why) {
        crashes++;
        fail("CRASH " + why);
    }

    public void hang(String why) {
        hangs++;
        fail("HANG " + why);
    }

    public String name() {
        return name;
    }

    public int passed() {
        return passed;
    }

    public int total() {
        return total;
    }

    public int crashes() {
        return crashes;
    }

    public int hangs() {
        return hangs;
    }

    public List<String> failures() {
        return failures;
    }

    public double rate() {
        return total == 0 ? 1.0 : (double) passed / total;
    }

    /** One report line: {@code group  passed/total unit  rate%  crashes  hangs}. */
    public String line() {
        return String.format("%-34s %5d/%-5d %-7s %6.1f%%  crashes %d  hangs %d", name, passed, total, unit,
                rate() * 100, crashes, hangs);
    }
}
