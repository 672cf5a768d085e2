import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { messageOf } from "../../../api/client";
import {
  createRepository,
  getRepository,
  listRepositories,
  repositoryFormats,
  updateRepository,
  type Repository,
  type RepositoryType,
  type WritePolicy,
} from "../../../api/repositories";
import { CheckboxField, Field } from "../../../components/Field";
import { fieldMessage, restMessage } from "../../../components/formProblem";
import { repositoryPath } from "../../../components/paths";
import { repositoryTypes } from "../../../components/repositoryLabels";
import { useApi } from "../../../components/useApi";
import { useSubmit } from "../../../components/useSubmit";
import { AdminForm, LoadedForEdit, type NoticeState } from "../shared";
import { GroupMembers } from "./GroupMembers";
import { ProxySettingsFields } from "./ProxySettingsFields";
import { emptyForm, formOf, requestOf, shownFields, type RepositoryFormState, type StoredAuth } from "./repositoryForm";

/** /admin/repositories/new */
export function RepositoryCreatePage() {
  return <RepositoryForm />;
}

/** /admin/repositories/:name/edit: loads the repository, then the same form with name, format and type fixed. */
export function RepositoryEditPage() {
  const { name = "" } = useParams();
  const loaded = useApi((options) => getRepository(name, options), [name]);
  return (
    <LoadedForEdit loaded={loaded} title={`Edit ${name}`} what={`the repository ${name}`} back={{ to: "/admin/repositories", label: "Back to the repositories" }}>
      {(repository) => <RepositoryForm key={repository.name} existing={repository} />}
    </LoadedForEdit>
  );
}

function RepositoryForm({ existing }: { existing?: Repository }) {
  const editing = !!existing;
  const navigate = useNavigate();
  const [form, setForm] = useState<RepositoryFormState>(() => (existing ? formOf(existing) : emptyForm()));
  const stored = storedAuthOf(existing);
  const { busy, problem, submit, fail } = useSubmit();
  const all = useApi(listRepositories, []);

  const set = (change: Partial<RepositoryFormState>) => setForm((f) => ({ ...f, ...change }));
  const error = (field: string) => fieldMessage(problem, field);
  const selfName = form.name.trim().toLowerCase();
  const choices = (all.data ?? []).filter((r) => r.format === form.format && r.name !== selfName);

  async function save() {
    const built = requestOf(form, editing, stored);
    if (built.problems) {
      fail({ local: built.problems });
      return;
    }
    if (existing) {
      const answer = await updateRepository(existing.name, built.request);
      navigate("/admin/repositories", { state: { notice: `Saved ${answer.name}.` } satisfies NoticeState });
    } else {
      const answer = await createRepository(built.request);
      navigate(repositoryPath(answer.name));
    }
  }

  return (
    <AdminForm
      title={existing ? `Edit ${existing.name}` : "Create repository"}
      back={{ to: "/admin/repositories", label: "Back to the repositories" }}
      submitLabel={editing ? "Save" : "Create repository"}
      busy={busy}
      error={restMessage(problem, shownFields(form.type, form.format))}
      onSubmit={(e) => submit(e, save)}
    >
      <Field
        id="repo-name"
        label="Name"
        error={error("name")}
        help={editing ? "A repository cannot be renamed." : "Lower-case letters and digits, then up to 63 of a-z 0-9 . _ - ; it appears in the URL."}
      >
        {(a11y) => (
          <input
            {...a11y}
            autoComplete="off"
            spellCheck={false}
            value={form.name}
            readOnly={editing}
            onChange={(e) => set({ name: e.target.value })}
            autoFocus={!editing}
          />
        )}
      </Field>
      <div className="field-grid">
        <Field id="repo-format" label="Format" error={error("format")}>
          {(a11y) => (
            <select
              {...a11y}
              value={form.format}
              disabled={editing}
              onChange={(e) => {
                const format = e.target.value;
                // Members must be of the group's format; overwriting is raw's alone.
                set({ format, members: [], ...(format !== "raw" && form.writePolicy === "allow" ? { writePolicy: "allow-once" } : {}) });
              }}
            >
              {repositoryFormats.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
              {!repositoryFormats.some((f) => f.value === form.format) && <option value={form.format}>{form.format}</option>}
            </select>
          )}
        </Field>
        <Field
          id="repo-type"
          label="Type"
          error={error("type")}
          help={editing ? "The type of a repository cannot change." : (form.format === "raw" ? rawTypeHelp : typeHelp)[form.type]}
        >
          {(a11y) => (
            <select {...a11y} value={form.type} disabled={editing} onChange={(e) => set({ type: e.target.value as RepositoryType })}>
              {repositoryTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <CheckboxField
        id="repo-online"
        label="Online"
        checked={form.online}
        onChange={(online) => set({ online })}
        error={error("online")}
        help="Offline, the repository answers 503 to every content request."
      />
      <CheckboxField
        id="repo-anonymous"
        label="Anonymous read"
        checked={form.anonymousRead}
        onChange={(anonymousRead) => set({ anonymousRead })}
        error={error("anonymousRead")}
        help="Callers without credentials may read it, while anonymous access is on and the anonymous role allows it."
      />

      {form.type === "hosted" && (
        <fieldset>
          <legend>Hosted settings</legend>
          <Field id="repo-write-policy" label="Write policy" error={error("hosted.writePolicy")}>
            {(a11y) => (
              <select {...a11y} value={form.writePolicy} onChange={(e) => set({ writePolicy: e.target.value as WritePolicy })}>
                {form.format === "raw" ? (
                  <>
                    <option value="allow-once">Allow new files (a stored file never changes)</option>
                    <option value="allow">Allow overwrite (a stored file may be replaced)</option>
                    <option value="read-only">Read-only (nothing may be uploaded)</option>
                  </>
                ) : (
                  <>
                    <option value="allow-once">Allow new versions (a published version never changes)</option>
                    <option value="read-only">Read-only (nothing may be published)</option>
                  </>
                )}
              </select>
            )}
          </Field>
        </fieldset>
      )}
      {form.type === "proxy" && <ProxySettingsFields form={form} set={set} problem={problem} stored={editing ? stored : null} />}
      {form.type === "group" && (
        <GroupMembers
          members={form.members}
          holds={form.format === "raw" ? "a file at a path" : "a module version"}
          onChange={(members) => set({ members })}
          choices={choices}
          error={fieldMessage(problem, "group.members", { items: true })}
          loadError={all.error ? `Could not load the repositories to choose from: ${messageOf(all.error)}` : undefined}
        />
      )}

    </AdminForm>
  );
}

const typeHelp: Record<RepositoryType, string> = {
  hosted: "Hosted: modules are published here (upload, or PUT …/@v/{version}.zip).",
  proxy: "Proxy: a cache of another module proxy.",
  group: "Group: one URL for several repositories, asked in order.",
};

const rawTypeHelp: Record<RepositoryType, string> = {
  hosted: "Hosted: files are uploaded here (on the repository page, or PUT {url}{path}).",
  proxy: "Proxy: a cache of the files of another web server.",
  group: "Group: one URL for several raw repositories, asked in order.",
};

function storedAuthOf(repository: Repository | undefined): StoredAuth | null {
  const auth = repository?.proxy?.authentication;
  return auth && (auth.type === "basic" || auth.type === "bearer") ? { type: auth.type, username: auth.username } : null;
}
