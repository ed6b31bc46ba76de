import { Popup } from '../../pages/popup/Popup';
import { popupServices } from '../../pages/popup/services';
import { startPage } from '../../ui/design/page';
import './style.css';

startPage(<Popup services={popupServices} />);
