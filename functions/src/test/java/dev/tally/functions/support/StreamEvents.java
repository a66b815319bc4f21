package dev.tally.functions.support;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda DynamoDB stream events: read from moto's real stream (what the event source mapping would
 * deliver), or built record by record in the same shape.
 */
public final class StreamEvents {
  private StreamEvents() {}

  /** Every record currently on the table's stream, oldest first, as one Lambda batch. */
  public static DynamodbEvent readAll(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
    String streamArn = dynamoDb.describeTable(request -> request.tableName(table)).table().latestStreamArn();
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
      String iterator = streams.getShardIterator(request -> request.streamArn(streamArn).shardId(shard.shardId())
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      // An open shard answers an empty page at its end (moto, like DynamoDB); stop there.
      while (iterator != null) {
        String current = iterator;
        var page = streams.getRecords(request -> request.shardIterator(current));
        page.records().forEach(record -> records.add(toLambda(record, streamArn)));
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
      }
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  /** One record shaped like a Lambda stream record with both images. */
  public static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequenceNumber,
      Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    Map<String, AttributeValue> image = newImage != null ? newImage : oldImage;
    StreamRecord change = new StreamRecord()
        .withApproximateCreationDateTime(new Date())
        .withKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk")))
        .withSequenceNumber(sequenceNumber)
        .withSizeBytes(128L)
        .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
    if (newImage != null) {
      change.setNewImage(newImage);
    }
    if (oldImage != null) {
      change.setOldImage(oldImage);
    }
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID("event-" + sequenceNumber);
    record.setEventName(eventName);
    record.setEventVersion("1.1");
    record.setEventSource("aws:dynamodb");
    record.setAwsRegion("us-east-1");
    record.setEventSourceARN("arn:aws:dynamodb:us-east-1:000000000000:table/renewals/stream/2026-11-30T00:00:00.000");
    record.setDynamodb(change);
    return record;
  }

  /** A batch of records. */
  public static DynamodbEvent batch(List<DynamodbEvent.DynamodbStreamRecord> records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  /** A string attribute in the Lambda event model. */
  public static AttributeValue s(String value) {
    return new AttributeValue().withS(value);
  }

  /** A number attribute in the Lambda event model. */
  public static AttributeValue n(String value) {
    return new AttributeValue().withN(value);
  }

  /** One record read from the stream API, in the shape Lambda delivers it. */
  public static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
    var change = record.dynamodb();
    StreamRecord lambdaChange = new StreamRecord()
        .withKeys(convert(change.keys()))
        .withSequenceNumber(change.sequenceNumber())
        .withSizeBytes(change.sizeBytes())
        .withStreamViewType(StreamViewType.fromValue(change.streamViewTypeAsString()));
    if (change.approximateCreationDateTime() != null) {
      lambdaChange.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
    }
    if (change.hasNewImage()) {
      lambdaChange.setNewImage(convert(change.newImage()));
    }
    if (change.hasOldImage()) {
      lambdaChange.setOldImage(convert(change.oldImage()));
    }
    DynamodbEvent.DynamodbStreamRecord lambdaRecord = new DynamodbEvent.DynamodbStreamRecord();
    lambdaRecord.setEventID(record.eventID());
    lambdaRecord.setEventName(record.eventNameAsString());
    lambdaRecord.setEventVersion(record.eventVersion());
    lambdaRecord.setEventSource(record.eventSource());
    lambdaRecord.setAwsRegion(record.awsRegion());
    lambdaRecord.setEventSourceARN(streamArn);
    lambdaRecord.setDynamodb(lambdaChange);
    return lambdaRecord;
  }

  private static Map<String, AttributeValue> convert(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((name, value) -> converted.put(name, convert(value)));
    return converted;
  }

  private static AttributeValue convert(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
    return switch (value.type()) {
      case S -> new AttributeValue().withS(value.s());
      case N -> new AttributeValue().withN(value.n());
      case BOOL -> new AttributeValue().withBOOL(value.bool());
      case NUL -> new AttributeValue().withNULL(true);
      case SS -> new AttributeValue().withSS(value.ss());
      case NS -> new AttributeValue().withNS(value.ns());
      case M -> new AttributeValue().withM(convert(value.m()));
      case L -> new AttributeValue().withL(value.l().stream().map(StreamEvents::convert).toList());
      default -> throw new IllegalArgumentException("attribute type " + value.type() + " is not used by the table");
    };
  }
}
