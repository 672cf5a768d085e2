using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ArtifactHub.TestSupport;

/// <summary>
/// nginx as a round-robin load balancer in front of servers on loopback, the way a cluster is deployed: a config in a
/// temp folder (pid, logs and temp paths in it too), <c>nginx -p {dir} -c nginx.conf -g 'daemon off;'</c> as a child
/// process, listening on a free loopback port. Bodies stream both ways (no buffering, no size limit), and a request
/// that cannot reach one server (connection refused, reset before an answer) goes to the next.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    public const string Install = "install nginx (apt-get install -y nginx; ./test.sh does it)";

    private readonly Process _process;
    private readonly StringBuilder _output;
    private readonly TempDir _dir;

    private NginxServer(Process process, StringBuilder output, TempDir dir, int port)
    {
        _process = process;
        _output = output;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    /// <summary>nginx's error log and output so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            var errorLog = Path.Combine(_dir.Path, "logs", "error.log");
            string output;
            lock (_output)
            {
                output = _output.ToString();
            }

            return output + (File.Exists(errorLog) ? File.ReadAllText(errorLog) : "");
        }
    }

    /// <summary>Starts nginx balancing over <paramref name="upstreamPorts"/> (on 127.0.0.1) and waits until it accepts connections.</summary>
    public static async Task<NginxServer> StartAsync(IReadOnlyList<int> upstreamPorts)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} not found: {Install}");
        }

        var dir = new TempDir("nginx");
        Directory.CreateDirectory(Path.Combine(dir.Path, "logs"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "temp"));
        var port = LoopbackPort.Free();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "nginx.conf"), Config(dir.Path, port, upstreamPorts));

        var info = new ProcessStartInfo(Binary, ["-p", dir.Path, "-c", "nginx.conf", "-g", "daemon off;"]);
        var output = new StringBuilder();
        var process = ChildProcess.Start(info, output);
        var nginx = new NginxServer(process, output, dir, port);
        try
        {
            await nginx.WaitUntilListeningAsync();
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }

        return nginx;
    }

    private static string Config(string dir, int port, IReadOnlyList<int> upstreamPorts)
    {
        var servers = string.Concat(upstreamPorts.Select(p => $"        server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=0;\n"));
        // max_fails=0: a node that failed is tried again on the next request (it may be back after a restart).
        // proxy_next_upstream: a request a node could not take (refused, reset) goes to the next; non-idempotent ones too,
        // since a PUT of a module version is idempotent by content.
        // As root, nginx's workers would switch to "nobody", who cannot write in our 0700 temp folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/temp/client;
                proxy_temp_path {{dir}}/temp/proxy;
                fastcgi_temp_path {{dir}}/temp/fastcgi;
                uwsgi_temp_path {{dir}}/temp/uwsgi;
                scgi_temp_path {{dir}}/temp/scgi;
                upstream artifacthub {
            {{servers}}        keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    client_max_body_size 0;
                    location / {
                        proxy_pass http://artifacthub;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_request_buffering off;
                        proxy_buffering off;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 120s;
                        proxy_send_timeout 120s;
                        proxy_next_upstream error timeout non_idempotent;
                        proxy_next_upstream_tries 3;
                    }
                }
            }
            """;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on port {Port} within 15 s:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(10));
        }
        finally
        {
            _dir.Dispose();
        }
    }
}
