package dev.tally.audit.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the sample estate's report in every format (the README examples come from here):
 * {@code mvn -pl audit-cli/scan test-compile exec:java -Dexec.mainClass=dev.tally.audit.scan.SampleOutputs
 * -Dexec.classpathScope=test -Dexec.args=DIR}.
 */
public final class SampleOutputs {
    private SampleOutputs() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/sample-output"));
        Path noTable = dir.resolve("no-user-price-table.json");
        for (String format : new String[] {"table", "json", "csv", "sarif"}) {
            ScanCli.Run run = ScanCli.run(SampleEstate.backend(), noTable, "-o", format);
            Files.writeString(dir.resolve("sample." + format), run.out());
        }
        ScanCli.Run failed = ScanCli.run(SampleEstate.backend().failingRegion("111111111111", "us-east-1",
                new dev.tally.audit.scan.run.CollectionException("EC2", "UnauthorizedOperation on EC2:DescribeInstances:"
                        + " You are not authorized to perform this operation.", null)), noTable, "--fail-on", "high");
        Files.writeString(dir.resolve("partial.table"), failed.out() + "--- stderr ---\n" + failed.err()
                + "--- exit " + failed.exitCode() + "\n");
        ScanCli.Run usage = ScanCli.run(SampleEstate.backend(), noTable, "--checks", "idle-ec2,lazy-rds");
        Files.writeString(dir.resolve("usage.txt"), usage.err() + "--- exit " + usage.exitCode() + "\n");
    }
}
