package dev.tally.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("home region for global calls")
class HomeRegionTest {
    @TempDir
    Path dir;
    private String previousConfig;
    private String previousRegion;

    @BeforeEach
    void profileFile() throws IOException {
        Path config = Files.writeString(dir.resolve("config"), "[profile audit]\nregion = ap-southeast-2\n");
        previousConfig = System.setProperty("aws.configFile", config.toString());
        previousRegion = System.clearProperty("aws.region");
    }

    @AfterEach
    void restore() {
        restore("aws.configFile", previousConfig);
        restore("aws.region", previousRegion);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    @DisplayName("--region wins; else the profile's region; the backend is told which")
    void resolution() {
        InMemoryBackend explicit = SampleEstate.backend();
        ScanCli.run(explicit, dir.resolve("p.json"), "--profile", "audit", "--region", "eu-north-1", "--checks", "idle-ec2");
        assertThat(explicit.homeRegions).containsExactly("eu-north-1");

        InMemoryBackend fromProfile = SampleEstate.backend();
        ScanCli.run(fromProfile, dir.resolve("p.json"), "--profile", "audit", "--checks", "idle-ec2");
        assertThat(fromProfile.homeRegions).containsExactly("ap-southeast-2");
    }
}
