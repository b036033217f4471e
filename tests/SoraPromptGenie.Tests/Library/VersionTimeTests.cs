using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

public sealed class VersionTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20, "just now")]
    [InlineData(60, "1 minute ago")]
    [InlineData(5 * 60 + 30, "5 minutes ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(30 * 3600, "yesterday")]
    [InlineData(4 * 86400, "4 days ago")]
    [InlineData(20 * 86400, "15 Nov")]
    [InlineData(400 * 86400, "31 Oct 2025")]
    public void Relative_Age_ReadsAsWords(int secondsAgo, string expected)
    {
        var saved = Now.UtcDateTime.AddSeconds(-secondsAgo);

        Assert.Equal(expected, VersionTime.Relative(saved, Now));
    }

    [Fact]
    public void Full_And_Iso_GiveTheExactTimeInUtc()
    {
        var saved = new DateTime(2026, 12, 5, 13, 4, 5, DateTimeKind.Unspecified);

        Assert.Equal("2026-12-05 13:04:05 UTC", VersionTime.Full(saved));
        Assert.Equal("2026-12-05T13:04:05Z", VersionTime.Iso(saved));
    }
}
