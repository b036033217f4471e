using SoraPromptGenie.Ops.RateLimiting;

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
}
