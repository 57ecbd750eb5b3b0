using Microsoft.AspNetCore.Authorization;

namespace Sprig.Web.Tests.OpenApi;

/// <summary>
/// The components the OpenAPI tests describe. They are nested in this class, and some are generic, so that their doc
/// comment IDs (<c>M:Sprig.Web.Tests.OpenApi.OpenApiFixtures.Library.Find(System.Int32)</c>) take every path of the ID rules.
/// </summary>
public static class OpenApiFixtures
{
    /// <summary>A book.</summary>
    /// <param name="Id">The book's number.</param>
    /// <param name="Title">The title.</param>
    public sealed record Book(int Id, string Title);

    /// <summary>A magazine.</summary>
    /// <param name="Issue">The issue's number.</param>
    public sealed record Magazine(int Issue);

    /// <summary>A generic type with a nested type, whose constructed name in an ID splits the arguments by level.</summary>
    /// <typeparam name="T">The content.</typeparam>
    public sealed class Envelope<T>
    {
        /// <summary>A stamp on an envelope.</summary>
        /// <param name="By">Who stamped it.</param>
        public sealed record Stamp(string By);
    }

    /// <summary>The library's RPC endpoints.</summary>
    [Service]
    public sealed class Library
    {
        /// <summary>Finds a book by its id.</summary>
        /// <param name="id">The book's id.</param>
        /// <returns>The book with that id.</returns>
        [Endpoint]
        public Task<Book> Find(int id) => Task.FromResult(new Book(id, "Dune"));

        /// <summary>
        /// Puts a book
        /// on a shelf.
        /// </summary>
        /// <remarks>
        /// Shelving the same book twice adds copies.
        /// <para>A <paramref name="note"/> is kept with <c>the  copy</c>; see <see cref="Book"/> and <see cref="Find(int)"/>.</para>
        /// </remarks>
        /// <param name="book">The book to shelve.</param>
        /// <param name="shelf">The shelf's name.</param>
        /// <param name="copies">How many copies.</param>
        /// <param name="note">A note, or <see langword="null"/>.</param>
        /// <param name="cancellationToken">Not part of the body.</param>
        /// <returns>The shelved book.</returns>
        [Endpoint]
        public Book Shelve(Book book, string shelf, int copies = 1, string? note = null, CancellationToken cancellationToken = default) => book;

        /// <summary>Dusts every shelf.</summary>
        [Endpoint]
        public Task Dust() => Task.CompletedTask;

        /// <summary>Streams the books whose title starts with a prefix.</summary>
        /// <param name="prefix">The prefix; all books without one.</param>
        [Endpoint]
        public async IAsyncEnumerable<Book> Scan(string? prefix)
        {
            await Task.Yield();
            yield return new Book(1, prefix ?? "");
        }

        /// <summary>Counts the books; members only.</summary>
        [Endpoint]
        [Authorize]
        public int Count() => 0;

        /// <summary>Tags books in bulk.</summary>
        [Endpoint]
        public int Tag(Dictionary<string, int[]> counts, int? limit, Book[] books, List<Envelope<Book>.Stamp> stamps) => 0;
    }

    /// <summary>Titles by author.</summary>
    public interface ICatalog
    {
        /// <summary>Lists the titles of an author.</summary>
        /// <param name="author">The author's name.</param>
        /// <returns>The titles, A to Z.</returns>
        Task<IReadOnlyList<string>> Titles(string author);

        /// <summary>Lists the authors.</summary>
        IReadOnlyList<string> Authors();
    }

    /// <summary>Serves the catalog; its endpoints are documented by the interface.</summary>
    [Service]
    public sealed class Catalog : ICatalog
    {
        /// <inheritdoc/>
        [Endpoint]
        public Task<IReadOnlyList<string>> Titles(string author) => Task.FromResult<IReadOnlyList<string>>([]);

        [Endpoint]
        public IReadOnlyList<string> Authors() => [];
    }

    /// <summary>Books over REST, by convention.</summary>
    [Controller(Url = "/api/books")]
    public sealed class BookController
    {
        /// <summary>Gets a book.</summary>
        /// <param name="id">The book's id.</param>
        /// <returns>The book.</returns>
        public Book Get(int id) => new(id, "Dune");

        /// <summary>Adds a book.</summary>
        /// <param name="book">The new book.</param>
        public Book Create(Book book) => book;

        /// <summary>Lists books, a page at a time.</summary>
        /// <param name="title">Part of the title.</param>
        /// <param name="page">The page, from 1.</param>
        public IReadOnlyList<Book> GetList(string? title, int page = 1) => [];

        /// <summary>Removes a book.</summary>
        /// <param name="id">The book's id.</param>
        [Authorize]
        public void Delete(int id) => _ = id;
    }

    /// <summary>Reading and adding for any kind of item.</summary>
    /// <typeparam name="TItem">The item.</typeparam>
    public abstract class Shelves<TItem>
    {
        /// <summary>Gets an item by its number.</summary>
        /// <param name="id">The item's number.</param>
        public TItem Get(int id) => throw new NotSupportedException();

        /// <summary>Adds an item.</summary>
        /// <param name="item">The item to add.</param>
        /// <returns>The added item.</returns>
        public TItem Create(TItem item) => item;
    }

    /// <summary>Magazines, through the generic base's actions.</summary>
    [Controller(Url = "/api/magazines")]
    public sealed class MagazineController : Shelves<Magazine>
    {
    }
}
