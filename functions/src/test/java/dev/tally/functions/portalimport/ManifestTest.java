package dev.tally.functions.portalimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Manifest: every line imported or refused by name")
class ManifestTest {

  private static final String HEADER = "customer_id,invoice_number,amount,s3_key\n";

  @Test
  @DisplayName("valid lines become rows with their line numbers; quoted fields and CRLF are read")
  void validLines() {
    Manifest manifest = Manifest.parse(HEADER.replace("\n", "\r\n")
        + "c-1,INV-1,12.50,documents/2026-12/INV-1.pdf\r\n"
        + "\"c-2\",INV-2,0,\"documents/2026-12/INV,2.pdf\"\r\n");
    assertThat(manifest.refused()).isEmpty();
    assertThat(manifest.rows()).containsExactly(
        new ManifestRow(2, "c-1", "INV-1", new BigDecimal("12.50"), "documents/2026-12/INV-1.pdf"),
        new ManifestRow(3, "c-2", "INV-2", new BigDecimal("0"), "documents/2026-12/INV,2.pdf"));
  }

  @Test
  @DisplayName("columns may come in any order")
  void columnOrder() {
    Manifest manifest = Manifest.parse("s3_key,amount,invoice_number,customer_id\nk.pdf,1.00,INV-9,c-9\n");
    assertThat(manifest.rows()).singleElement().extracting(ManifestRow::invoiceNumber).isEqualTo("INV-9");
  }

  @Test
  @DisplayName("malformed lines are refused with the line, the column and the invoice named")
  void malformedLines() {
    Manifest manifest = Manifest.parse(HEADER
        + "c-1,INV-1,12.5x,a.pdf\n"
        + "c-2,INV-2,3.00\n"
        + ",INV-3,3.00,c.pdf\n"
        + "c-4,INV-4,-1,d.pdf\n"
        + "c-5,INV-5,1.234,e.pdf\n"
        + "c-6,INV-6,1,/f.pdf\n"
        + "c-7,\"INV-7,1,g.pdf\n"
        + "c-8,INV-8,1,ok.pdf\n"
        + "c-9,INV-9,1,ok.pdf\n");
    assertThat(manifest.refused()).extracting(RefusedRow::toString).containsExactly(
        "line 2: amount '12.5x' is not a non-negative amount with at most two decimals (invoice INV-1)",
        "line 3: has 3 fields, the header has 4",
        "line 4: customer_id '' is not an identifier (1-64 letters, digits, . _ / -) (invoice INV-3)",
        "line 5: amount '-1' is not a non-negative amount with at most two decimals (invoice INV-4)",
        "line 6: amount '1.234' is not a non-negative amount with at most two decimals (invoice INV-5)",
        "line 7: s3_key '/f.pdf' is not an object key (1-1024 characters, no leading '/') (invoice INV-6)",
        "line 8: has a quoted field that is not closed",
        "line 10: s3_key 'ok.pdf' repeats line 9");
    assertThat(manifest.rows()).extracting(ManifestRow::line).containsExactly(9);
    assertThat(manifest.lines()).isEqualTo(9);
  }

  @Test
  @DisplayName("a manifest without its header is refused as a whole, naming the missing columns")
  void missingHeader() {
    assertThatThrownBy(() -> Manifest.parse("customer_id,invoice_number,s3_key\nc,i,k\n"))
        .isInstanceOf(MalformedManifestException.class)
        .hasMessageContaining("the manifest header lacks amount");
    assertThatThrownBy(() -> Manifest.parse(""))
        .isInstanceOf(MalformedManifestException.class).hasMessageContaining("the manifest is empty");
  }
}
