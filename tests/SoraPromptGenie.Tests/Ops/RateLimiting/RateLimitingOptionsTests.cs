using SoraPromptGenie.Ops.Configuration;
using SoraPromptGenie.Ops.RateLimiting;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Ops.RateLimiting;

public sealed class RateLimitingOptionsTests
{
    [Fact]
    public void Rules_AreParsedOnceAndFollowANewValue()
    {
        var options = new RateLimitingOptions { General = "5/60", Ai = "2/30" };

        var general = options.GeneralRule;
        var ai = options.AiRule;

        Assert.Equal(new RateLimitRule(5, TimeSpan.FromSeconds(60)), general);
        Assert.Equal(new RateLimitRule(2, TimeSpan.FromSeconds(30)), ai);
        Assert.Same(general, options.GeneralRule);
        Assert.Same(ai, options.AiRule);

        options.General = "7/90";
        options.Ai = "3/10";

        Assert.Equal(new RateLimitRule(7, TimeSpan.FromSeconds(90)), options.GeneralRule);
        Assert.Equal(new RateLimitRule(3, TimeSpan.FromSeconds(10)), options.AiRule);
    }

    [Fact]
    public void Rules_Invalid_Throw()
    {
        var options = new RateLimitingOptions { General = "lots" };

        Assert.Throws<InvalidOperationException>(() => options.GeneralRule);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("129")]
    [InlineData("-64")]
    [InlineData("/64")]
    [InlineData("sixty-four")]
    public void Validate_BadIpv6PrefixLength_OneLineNamingTheKey(string value)
    {
        var problems = Validate(new() { ["RateLimiting:Ipv6PrefixLength"] = value });

        Assert.StartsWith("RateLimiting:Ipv6PrefixLength: ", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("48")]
    [InlineData("128")]
    public void Validate_Ipv6PrefixLengthInRange_NoProblems(string value)
    {
        Assert.Empty(Validate(new() { ["RateLimiting:Ipv6PrefixLength"] = value }));
    }

    [Fact]
    public void Ipv6PrefixLength_Unset_Is64()
    {
        Assert.Equal(64, new RateLimitingOptions().Ipv6PrefixLength);
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings) =>
        OptionsCheck.Problems(settings, services => services.AddCheckedOptions<RateLimitingOptions>(RateLimitingOptions.SectionName));
}
