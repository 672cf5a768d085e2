using Spectre.Console;

namespace ArtifactHub.Cli.Output;

/// <summary>Shows a step of a command and how far it got; the value reported is the bytes done so far.</summary>
internal interface IStepReporter
{
    IProgress<long> Step(string description, long total);
}

/// <summary>
/// How a command shows what it is doing, on stderr: a progress display on a terminal, a line per step otherwise (CI
/// logs), nothing at all with <c>--json</c>. Results go to stdout and are not this class's business.
/// </summary>
internal abstract class CommandOutput
{
    public static CommandOutput For(CliConsole console, bool json) =>
        json ? new Silent() : console.Interactive ? new Terminal(console.Error) : new Plain(console.Error);

    public abstract Task<T> RunStepsAsync<T>(Func<IStepReporter, Task<T>> work);

    /// <summary>A line about what happened on the way (what was left out of a zip, for instance).</summary>
    public abstract void Note(string line);

    private sealed class Silent : CommandOutput, IStepReporter
    {
        public override Task<T> RunStepsAsync<T>(Func<IStepReporter, Task<T>> work) => work(this);

        public override void Note(string line)
        {
        }

        public IProgress<long> Step(string description, long total) => NoProgress.Instance;
    }

    private sealed class Plain(TextWriter error) : CommandOutput, IStepReporter
    {
        public override Task<T> RunStepsAsync<T>(Func<IStepReporter, Task<T>> work) => work(this);

        public override void Note(string line) => error.WriteLine(line);

        public IProgress<long> Step(string description, long total)
        {
            error.WriteLine(description);
            return NoProgress.Instance;
        }
    }

    private sealed class Terminal(TextWriter error) : CommandOutput
    {
        private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = InteractionSupport.Yes,
        });

        public override Task<T> RunStepsAsync<T>(Func<IStepReporter, Task<T>> work) =>
            _console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                .StartAsync(context => work(new Steps(context)));

        public override void Note(string line) => _console.WriteLine(line);

        private sealed class Steps(ProgressContext context) : IStepReporter
        {
            private ProgressTask? _current;

            public IProgress<long> Step(string description, long total)
            {
                if (_current is not null)
                {
                    _current.Value = _current.MaxValue; // the step before is done when the next begins
                }

                var task = _current = context.AddTask(Markup.Escape(description), maxValue: Math.Max(total, 1));
                return new SynchronousProgress(done => task.Value = done);
            }
        }
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    private sealed class NoProgress : IProgress<long>
    {
        public static readonly NoProgress Instance = new();

        public void Report(long value)
        {
        }
    }
}
