using System.Net.Http.Headers;
using System.Text;
using ArtifactHub.Storage.AzureBlob;

namespace ArtifactHub.Storage.Tests.AzureBlob;

/// <summary>
/// Expected values were computed apart from this code, with Python's hmac module over the string-to-sign laid out as
/// the "Authorize with Shared Key" page documents it. AzureBlobRestClientTests prove the same signer against Azurite.
/// </summary>
public sealed class SharedKeySignerTests
{
    private static readonly byte[] DevelopmentKey = Convert.FromBase64String(AzureStorageConnectionString.DevelopmentAccountKey);

    [Fact]
    public void A_put_block_signs_the_length_type_condition_x_ms_headers_and_the_decoded_sorted_query()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/artifacthub/ab/cd/blob?comp=block&blockid=QUJDRA%3D%3D")
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("hello world")) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sat, 21 Nov 2026 10:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        var signer = new SharedKeySigner("devstoreaccount1", DevelopmentKey);

        Assert.Equal(
            "PUT\n\n\n11\n\napplication/octet-stream\n\n\n\n*\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-date:Sat, 21 Nov 2026 10:00:00 GMT\nx-ms-version:2021-08-06\n" +
            "/devstoreaccount1/devstoreaccount1/artifacthub/ab/cd/blob\nblockid:QUJDRA==\ncomp:block",
            signer.StringToSign(request));
        signer.Sign(request);
        Assert.Equal("SharedKey devstoreaccount1:2/Fb5PzrvU0HAxI0bgdMErei5PMCdejjK42Y6atlANE=", string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void A_request_without_a_body_signs_an_empty_length_and_a_virtual_host_resource()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&prefix=ab%2F&maxresults=2");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sat, 21 Nov 2026 10:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-08-06");
        var signer = new SharedKeySigner("myaccount", DevelopmentKey);

        Assert.Equal(
            "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sat, 21 Nov 2026 10:00:00 GMT\nx-ms-version:2021-08-06\n" +
            "/myaccount/mycontainer\ncomp:list\nmaxresults:2\nprefix:ab/\nrestype:container",
            signer.StringToSign(request));
        signer.Sign(request);
        Assert.Equal("SharedKey myaccount:n6MDKLEI2EsdraK/Ptq1+aLdqblsOOHUMTMl+4FbVQE=", string.Join(",", request.Headers.GetValues("Authorization")));
    }
}
