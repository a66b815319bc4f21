package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.common.cli.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CUR data files behind {@code --cur}: each argument is a file or a folder searched recursively (the layout AWS
 * Data Exports writes to S3, synced locally). One format per run: Parquet ({@code .parquet}) or CSV
 * ({@code .csv.gz}, {@code .csv}).
 *
 * @param format the format of every file
 * @param files  the files, sorted for a deterministic read order
 */
public record CurFiles(Format format, List<Path> files) {

    /** The file formats AWS Data Exports writes. */
    public enum Format {
        PARQUET,
        CSV
    }

    private static final Pattern PARTITION_FOLDER = Pattern.compile("(?i)billing_period=\\d{4}-\\d{2}");

    public CurFiles {
        files = List.copyOf(files);
    }

    /**
     * Whether every file lies in a {@code BILLING_PERIOD=YYYY-MM/} folder, as Data Exports writes them: the month's
     * query can then name its partition and leave the other months' files unread.
     */
    public boolean partitioned() {
        return !files.isEmpty() && files.stream().allMatch(file -> partition(file) != null);
    }

    /** The months of the {@code BILLING_PERIOD=} folders, sorted (the months a partitioned export has). */
    public SortedSet<String> partitions() {
        SortedSet<String> months = new TreeSet<>();
        files.forEach(file -> {
            String month = partition(file);
            if (month != null) {
                months.add(month);
            }
        });
        return months;
    }

    private static String partition(Path file) {
        Path parent = file.getParent();
        if (parent == null || parent.getFileName() == null) {
            return null;
        }
        String folder = parent.getFileName().toString();
        return PARTITION_FOLDER.matcher(folder).matches() ? folder.substring(folder.indexOf('=') + 1) : null;
    }

    public static CurFiles resolve(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw UserFacingException.usage("no CUR input given: pass a CUR 2.0 export folder or files with --cur");
        }
        List<Path> parquet = new ArrayList<>();
        List<Path> csv = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw UserFacingException.usage("CUR input " + input + " does not exist: pass an export folder or "
                        + ".parquet / .csv.gz files");
            }
            for (Path file : dataFiles(input)) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".parquet")) {
                    parquet.add(file);
                } else if (name.endsWith(".csv.gz") || name.endsWith(".csv")) {
                    csv.add(file);
                } else if (file.equals(input)) {
                    throw UserFacingException.usage("CUR input " + input
                            + " is neither Parquet (.parquet) nor CSV (.csv.gz, .csv)");
                }
            }
        }
        if (!parquet.isEmpty() && !csv.isEmpty()) {
            throw UserFacingException.usage("the CUR inputs mix Parquet (" + parquet.get(0) + ") and CSV ("
                    + csv.get(0) + ") files: pass the files of one export format");
        }
        if (parquet.isEmpty() && csv.isEmpty()) {
            throw UserFacingException.usage("no CUR data files (.parquet, .csv.gz, .csv) under " + inputs);
        }
        return parquet.isEmpty() ? new CurFiles(Format.CSV, sorted(csv)) : new CurFiles(Format.PARQUET, sorted(parquet));
    }

    private static List<Path> dataFiles(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UserFacingException(dev.tally.audit.common.cli.ExitCode.USAGE,
                    "cannot read CUR folder " + input + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> sorted(List<Path> files) {
        return files.stream().map(Path::toAbsolutePath).sorted().distinct().toList();
    }
}
