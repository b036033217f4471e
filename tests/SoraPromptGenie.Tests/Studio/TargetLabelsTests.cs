using SoraPromptGenie.Core.Targets;
using SoraPromptGenie.Studio;

namespace SoraPromptGenie.Tests.Studio;

public sealed class TargetLabelsTests
{
    private static readonly TargetCatalog Targets = TargetCatalog.LoadEmbedded();

    [Theory]
    [InlineData("sora-2", "2026-12-04", "Sora 2 — retired 2026-09-24")]
    [InlineData("veo-3.1", "2026-11-01", "Veo 3.1 (Vertex AI) — retires 2026-11-17")]
    [InlineData("veo-3.1", "2026-11-17", "Veo 3.1 (Vertex AI) — retired 2026-11-17")]
    [InlineData("kling-v3", "2026-12-04", "Kling 3 — unverified")]
    [InlineData("runway-gen4.5", "2026-12-04", "Runway Gen-4.5")]
    public void Label_StatusOnDay_NamesTargetWithWhatToKnow(string id, string day, string expected)
    {
        var target = Targets.Find(id)!;

        var label = TargetLabels.Label(target, target.StatusOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, label);
    }
}
