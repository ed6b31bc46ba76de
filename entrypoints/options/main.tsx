import { Options } from '../../components/options/Options';
import { optionsServices } from '../../lib/pages/options/services';
import { startPage } from '../../components/common/design/page';
import './style.css';

startPage(<Options services={optionsServices} />);
