import { Popup } from '../../pages/popup/Popup';
import { popupServices } from '../../pages/popup/services';
import { markWhenShown } from '../../pages/popup/marks';
import { startPage } from '../../ui/design/page';
import './style.css';

markWhenShown();
startPage(<Popup services={popupServices} />);
