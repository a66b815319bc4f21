package dev.tally.audit.chargeback.source.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tally.audit.chargeback.model.MonthlyCost;
import dev.tally.audit.common.cli.ExitCode;
import dev.tally.audit.common.cli.UserFacingException;
import dev.tally.audit.common.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Closed months on disk, as JSON, so a re-run of a finished month makes no paid API request. Only closed months belong
 * here: an open month still changes. Entries are written to a temporary file and moved into place, so a crash never
 * leaves half a file that a later run would read. An entry that cannot be parsed (another version, a truncated copy)
 * counts as absent and is overwritten by the next fetch.
 */
public final class MonthlyCostCache {
    private static final int FORMAT = 1;
    private final Path directory;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The file layout: a format number so a future change is detected instead of misread. */
    record Entry(int format, CacheKey key, MonthlyCost cost) {
    }

    /** @param directory the cache root; {@link #defaultDirectory()} unless {@code --cache-dir} is given */
    public MonthlyCostCache(Path directory) {
        this.directory = directory;
    }

    /** {@code $XDG_CACHE_HOME/tally/cost-explorer}, else {@code ~/.cache/tally/cost-explorer}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tally").resolve("cost-explorer");
    }

    public Path directory() {
        return directory;
    }

    public Path pathOf(CacheKey key) {
        return directory.resolve(key.relativePath());
    }

    public Optional<MonthlyCost> get(CacheKey key) {
        Path file = pathOf(key);
        try {
            Entry entry = json.readValue(Files.readAllBytes(file), Entry.class);
            return entry.format() == FORMAT && key.equals(entry.key()) ? Optional.of(entry.cost()) : Optional.empty();
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot read the cost cache " + file + ": " + e.getMessage()
                    + " (fix its permissions or pass another --cache-dir)", e);
        }
    }

    public void put(CacheKey key, MonthlyCost cost) {
        if (!cost.monthClosed()) {
            throw new IllegalArgumentException("only closed months are cached, " + cost.month() + " is open");
        }
        Path file = pathOf(key);
        try {
            Files.createDirectories(file.getParent());
            byte[] entry = json.writeValueAsBytes(new Entry(FORMAT, key, cost));
            AtomicFiles.write(file, out -> out.write(entry));
        } catch (IOException e) {
            throw new UserFacingException(ExitCode.USAGE, "cannot write the cost cache " + file + ": " + e.getMessage()
                    + " (fix its permissions or pass another --cache-dir)", e);
        }
    }
}
