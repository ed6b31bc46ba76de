import { Options } from '../../pages/options/Options';
import { optionsServices } from '../../pages/options/services';
import { startPage } from '../../ui/design/page';
import './style.css';

startPage(<Options services={optionsServices} />);
