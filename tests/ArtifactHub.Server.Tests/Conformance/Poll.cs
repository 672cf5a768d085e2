namespace ArtifactHub.Server.Tests.Conformance;

/// <summary>Waiting for something another thread does, without sleeping longer than it takes.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> done, string what, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"still waiting after {timeoutSeconds} s for {what}");
            await Task.Delay(10);
        }
    }
}
