import data from '../attribution.json';
import { BareTag } from './BareTag';

export default function Page() {
  return (
    <main>
      <BareTag rows={data.rows} columns={data.columns} values={data.values} />
    </main>
  );
}
