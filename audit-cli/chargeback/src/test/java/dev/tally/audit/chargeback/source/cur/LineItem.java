package dev.tally.audit.chargeback.source.cur;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** One CUR 2.0 line item for a test file: columns not set are written as NULL. */
public final class LineItem {
    final Map<String, String> costs = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    String account = "111111111111";
    String product = "AmazonEC2";
    String type = "Usage";
    String currency = "USD";
    YearMonth period = YearMonth.of(2025, 3);
    String invoiceId = "EUINGB25-000001";
    String reservationArn;

    static LineItem of(String account, String product, String type, String unblended) {
        LineItem item = new LineItem();
        item.account = account;
        item.product = product;
        item.type = type;
        item.costs.put(CurColumns.UNBLENDED, unblended);
        return item;
    }

    LineItem cost(String column, String amount) {
        costs.put(column, amount);
        return this;
    }

    LineItem tag(String curKey, String value) {
        tags.put(curKey, value);
        return this;
    }

    LineItem period(YearMonth value) {
        period = value;
        return this;
    }

    LineItem invoice(String value) {
        invoiceId = value;
        return this;
    }

    LineItem currency(String value) {
        currency = value;
        return this;
    }

    LineItem reservation(String arn) {
        reservationArn = arn;
        return this;
    }
}
