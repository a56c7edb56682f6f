package org.dnstracer.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dnstracer.bulk.BulkResult;
import org.dnstracer.findings.Finding;
import org.dnstracer.net.IpAddresses;

/**
 * The job's per-name output row (the Parquet schema; documented in docs/spark.md, pinned by a test): the columns a
 * query over the results needs, and {@code json}, the line the CLI's {@code --bulk} writes for the same name, which
 * keeps everything else (authoritative answers, what every server did). The JSON-lines output is that column alone.
 */
public final class ResultRows {
    public static final StructType FINDING = new StructType(new StructField[] {
        DataTypes.createStructField("severity", DataTypes.StringType, false),
        DataTypes.createStructField("code", DataTypes.StringType, false),
        DataTypes.createStructField("zone", DataTypes.StringType, true),
        DataTypes.createStructField("server", DataTypes.StringType, true),
        DataTypes.createStructField("address", DataTypes.StringType, true),
        DataTypes.createStructField("message", DataTypes.StringType, false),
    });

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("line", DataTypes.LongType, false),
        DataTypes.createStructField("input", DataTypes.StringType, false),
        DataTypes.createStructField("name", DataTypes.StringType, true),
        DataTypes.createStructField("type", DataTypes.StringType, true),
        DataTypes.createStructField("verdict", DataTypes.StringType, false),
        DataTypes.createStructField("error", DataTypes.StringType, true),
        DataTypes.createStructField("queries", DataTypes.IntegerType, false),
        DataTypes.createStructField("elapsedMs", DataTypes.LongType, false),
        DataTypes.createStructField("findings", DataTypes.createArrayType(FINDING, false), false),
        DataTypes.createStructField("json", DataTypes.StringType, false),
    });

    /** Index of the {@code json} column. */
    public static final int JSON = SCHEMA.fieldIndex("json");

    private ResultRows() {}

    static Row of(BulkResult r, List<Finding> findings, String json) {
        List<Row> found = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            found.add(RowFactory.create(f.severity().label(), f.code().name(),
                    f.zone() == null ? null : f.zone().toString(), f.server(),
                    f.address() == null ? null : IpAddresses.format(f.address()), f.message()));
        }
        boolean question = r.input().question() != null;
        return RowFactory.create(r.input().line(), r.input().text(),
                question ? r.input().question().name().toString() : null,
                question ? r.input().question().typeName() : null,
                r.verdict().jsonName(), r.error(), r.queries(), r.elapsedMillis(),
                scala.jdk.javaapi.CollectionConverters.asScala(found).toSeq(), json);
    }
}
