namespace ArtifactHub.Server.Tests;

/// <summary>The server's clock in tests: the system's time, moved on by what a test adds (to age a cached copy without waiting).</summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>From now on the server's time is <paramref name="by"/> later; timers and timeouts are not affected.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
