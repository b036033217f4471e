using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using SoraPromptGenie.Library;

namespace SoraPromptGenie.Tests.Library;

public sealed class WorkspaceSessionTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void CookieOptions_Environment_HttpOnlyLaxAndSecureOutsideDevelopment(string environment, bool secure)
    {
        var host = new HostingEnvironment { EnvironmentName = environment };

        var options = WorkspaceSession.CookieOptions(host, TimeSpan.FromDays(1));

        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.SameSite);
        Assert.Equal(secure, options.Secure);
        Assert.Equal("/", options.Path);
    }
}
