using System.Diagnostics.Metrics;
using SoraPromptGenie.Core.Engines;
using SoraPromptGenie.Ops.Telemetry;

namespace SoraPromptGenie.Tests.Ops.Telemetry;

public sealed class AppMetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly Lock _gate = new();

    public AppMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AppMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public void RecordLlmCall_SuccessfulCall_CountsCallLatencyTokensAndCost()
    {
        var model = $"test/model-{Guid.NewGuid():N}";

        AppMetrics.RecordLlmCall(new LlmCallRecord(PromptOperation.Enhance, model, "openrouter", CallOutcome.Ok, 200, 1500, 120, 80, 0.0042m, false));

        Assert.Equal(1, Single("sora.llm.calls", model).Value);
        Assert.Equal("enhance", Single("sora.llm.calls", model).Tags["operation"]);
        Assert.Equal("ok", Single("sora.llm.calls", model).Tags["outcome"]);
        Assert.Equal(1.5, Single("sora.llm.call.duration", model).Value);
        Assert.Equal(120, Of("sora.llm.tokens", model).Single(m => (string?)m.Tags["direction"] == "input").Value);
        Assert.Equal(80, Of("sora.llm.tokens", model).Single(m => (string?)m.Tags["direction"] == "output").Value);
        Assert.Equal(0.0042, Single("sora.llm.cost_usd", model).Value, 6);
    }

    [Fact]
    public void RecordLlmCall_FailedCallWithoutUsage_CountsOnlyCallAndLatency()
    {
        var model = $"test/model-{Guid.NewGuid():N}";

        AppMetrics.RecordLlmCall(new LlmCallRecord(PromptOperation.Suggest, model, "openrouter", CallOutcome.Error, 500, 40, null, null, null, false));

        Assert.Equal("error", Single("sora.llm.calls", model).Tags["outcome"]);
        Assert.Single(Of("sora.llm.call.duration", model));
        Assert.Empty(Of("sora.llm.tokens", model));
        Assert.Empty(Of("sora.llm.cost_usd", model));
    }

    [Fact]
    public void ObserveLedger_Registered_ReportsQueueLengthAndDrops()
    {
        AppMetrics.ObserveLedger(() => 7, () => 3);

        _listener.RecordObservableInstruments();

        lock (_gate)
        {
            Assert.Contains(_measurements, m => m.Instrument == "sora.usage_ledger.queue_length" && m.Value == 7);
            Assert.Contains(_measurements, m => m.Instrument == "sora.usage_ledger.dropped" && m.Value == 3);
        }
    }

    [Fact]
    public void RateLimitRejected_Policy_IsTagged()
    {
        var policy = $"policy-{Guid.NewGuid():N}";

        AppMetrics.RateLimitRejected(policy);
        AppMetrics.CacheHit(policy);
        AppMetrics.CacheMiss(policy);

        lock (_gate)
        {
            Assert.Single(_measurements, m => m.Instrument == "sora.rate_limit.rejections" && Equals(m.Tags["policy"], policy));
            Assert.Single(_measurements, m => m.Instrument == "sora.cache.hits" && Equals(m.Tags["operation"], policy));
            Assert.Single(_measurements, m => m.Instrument == "sora.cache.misses" && Equals(m.Tags["operation"], policy));
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_gate)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument, string model)
    {
        lock (_gate)
        {
            return [.. _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("model"), model))];
        }
    }

    private (string Instrument, double Value, Dictionary<string, object?> Tags) Single(string instrument, string model) =>
        Assert.Single(Of(instrument, model));
}
