package dev.userstream.benchmarks;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The chart of the database writers (XChart, one PNG): steady rows/s of each, and the CPU it costs per
 * row, the writer's own (its process, or for an in-process baseline its thread) and the database
 * server's, stacked.
 */
final class BenchmarkChart {

	static final String FILE = "bench-chart.png";

	private static final int WIDTH = 900;

	private static final int HEIGHT = 420;

	private BenchmarkChart() {
	}

	static void write(Results results, Path file) throws IOException {
		List<String> writers = new ArrayList<>();
		List<Double> rates = new ArrayList<>();
		List<Double> writerCpu = new ArrayList<>();
		List<Double> databaseCpu = new ArrayList<>();
		baseline(writers, rates, writerCpu, databaseCpu, "raw JDBC batch", results.rawBatch);
		baseline(writers, rates, writerCpu, databaseCpu, "raw multi-row INSERT", results.rawMultiRow);
		baseline(writers, rates, writerCpu, databaseCpu, "simulated upsert loop", results.simulated);
		baseline(writers, rates, writerCpu, databaseCpu, "original (row by row)", results.original);
		process(writers, rates, writerCpu, databaseCpu, "Kafka Connect + Debezium", results.connect, MeasuredProcess.CONNECT);
		process(writers, rates, writerCpu, databaseCpu, "userstream sink-jpa", results.sinkJpa, MeasuredProcess.SINK);

		CategoryChart throughput = chart("Steady rows/s (higher is better)", "rows/s");
		throughput.addSeries("rows/s", writers, rates);
		throughput.getStyler().setLegendVisible(false);
		CategoryChart cost = chart("CPU per row (lower is better)", "CPU µs per row");
		cost.getStyler().setStacked(true);
		cost.addSeries("writer (process, or thread for an in-process baseline)", writers, writerCpu);
		cost.addSeries("database server", writers, databaseCpu);

		BufferedImage image = new BufferedImage(WIDTH, 2 * HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.drawImage(BitmapEncoder.getBufferedImage(throughput), 0, 0, null);
		graphics.drawImage(BitmapEncoder.getBufferedImage(cost), 0, HEIGHT, null);
		graphics.dispose();
		ImageIO.write(image, "png", file.toFile());
	}

	private static CategoryChart chart(String title, String axis) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(axis).build();
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
		chart.getStyler().setXAxisLabelRotation(20);
		chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
		return chart;
	}

	private static void baseline(List<String> writers, List<Double> rates, List<Double> writerCpu, List<Double> databaseCpu,
			String name, Baseline baseline) {
		writers.add(name);
		rates.add(plottable(baseline.rate().median()));
		writerCpu.add(plottable(baseline.writerCpuMicros().median()));
		databaseCpu.add(plottable(baseline.databaseCpuMicros().median()));
	}

	private static void process(List<String> writers, List<Double> rates, List<Double> writerCpu, List<Double> databaseCpu,
			String name, Runs runs, String role) {
		writers.add(name);
		rates.add(plottable(runs.rate().median()));
		writerCpu.add(plottable(runs.cpuMicrosPerRow(role).median()));
		databaseCpu.add(plottable(runs.cpuMicrosPerRow(DatabaseProcess.DATABASE).median()));
	}

	/** An unmeasured value (NaN: no local database process) is drawn as no bar. */
	private static double plottable(double value) {
		return Double.isNaN(value) ? 0 : value;
	}

}
